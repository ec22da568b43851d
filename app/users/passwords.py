"""Password policy: long enough, not blank, not the username, not common or trivially guessable.

Guessability is zxcvbn's estimate (Dropbox's model: common passwords, dictionaries, keyboard
walks, repeats, sequences, dates), fed with the account's own names and the words every
Vietnamese office tries first; a score of 3 means "safely unguessable" for an online attacker
even without our login limits.
"""

from zxcvbn import zxcvbn

MIN_LENGTH = 10
MAX_LENGTH = 128
MIN_SCORE = 3
# zxcvbn's cost grows with length; a long password's first 72 characters decide alone.
_CHECKED_LENGTH = 72
# Words a guesser tries first here, beyond zxcvbn's English lists.
LOCAL_WORDS = (
    "matkhau",
    "mat khau",
    "cchc",
    "caicachhanhchinh",
    "cai cach hanh chinh",
    "vietnam",
    "hanoi",
    "saigon",
    "ubnd",
    "quantri",
    "admin",
    "abc",
    "anhyeuem",
    "iloveyou",
)


def password_problem(password: str, username: str, full_name: str = "") -> str | None:
    """Why `password` is refused for this account (Vietnamese), or None when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return f"Mật khẩu phải có ít nhất {MIN_LENGTH} ký tự."
    if len(password) > MAX_LENGTH:
        return f"Mật khẩu dài quá {MAX_LENGTH} ký tự."
    if not password.strip():
        return "Mật khẩu không được chỉ gồm khoảng trắng."
    if username and username.lower() in password.lower():
        return "Mật khẩu không được chứa tên đăng nhập."
    inputs = [username, *full_name.split(), *LOCAL_WORDS]
    if zxcvbn(password[:_CHECKED_LENGTH], user_inputs=inputs)["score"] < MIN_SCORE:
        return (
            "Mật khẩu quá dễ đoán (mật khẩu phổ biến, dãy số, dãy phím, ký tự lặp hoặc chứa "
            "tên). Hãy dùng một cụm vài từ không liên quan, ví dụ “mây-tre-đan-ghế-xanh”."
        )
    return None
