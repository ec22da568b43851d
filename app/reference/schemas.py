from pydantic import BaseModel, ConfigDict, Field


class TopicRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="Mã nội bộ.")
    code: str = Field(
        description="Mã chủ đề, dùng trong kế hoạch và nhiệm vụ.", examples=["index.papi"]
    )
    name: str = Field(
        description="Tên chủ đề.",
        examples=["Chỉ số hiệu quả quản trị và hành chính công (PAPI)"],
    )
    name_en: str = Field(description="Tên tiếng Anh.", examples=["PAPI"])
    parent_code: str | None = Field(
        description="Mã chủ đề cha (null: gốc cây).", examples=["index"]
    )
    ordinal: int = Field(description="Thứ tự trong chủ đề cha.", examples=[3])


class ChannelTypeRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="Mã nội bộ.")
    code: str = Field(description="Mã hình thức tuyên truyền.", examples=["radio"])
    name: str = Field(description="Tên.", examples=["Đài phát thanh, truyền thanh, loa"])
    name_en: str = Field(description="Tên tiếng Anh.", examples=["Radio and loudspeakers"])
    counts: list[str] = Field(
        description="Mã chỉ tiêu (GET /api/v1/indicators) mà một hoạt động trên kênh loại này "
        "đếm được, tức các khóa hợp lệ của `quantities` khi ghi hoạt động.",
        examples=[["broadcasts", "minutes", "articles"]],
    )


class IndicatorRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="Mã nội bộ.")
    code: str = Field(description="Mã chỉ tiêu.", examples=["broadcasts"])
    name: str = Field(description="Tên chỉ tiêu.", examples=["Buổi phát thanh, truyền hình"])
    unit: str = Field(description="Đơn vị tính.", examples=["buổi"])
    aggregation: str = Field(
        description="Cách cộng dồn khi tổng hợp: `sum` (cộng), `max` (lớn nhất), `latest` (số "
        "liệu tại cuối kỳ, như số kênh đang hoạt động: cộng giữa các đơn vị, kỳ sau thay kỳ "
        "trước), `ratio` (tỷ lệ %, tính lại từ tổng tử số và tổng mẫu số).",
        examples=["sum"],
    )
    source: str = Field(
        description="`activities`: tính từ các hoạt động; `assignments`: từ nhiệm vụ được giao; "
        "`computed`: tính từ chỉ tiêu khác; `manual`: nhập tay trong báo cáo.",
        examples=["activities"],
    )
    rule: str | None = Field(
        description="Cách tính chỉ tiêu tự động: `quantity:<mã>` (tổng số lượng của hoạt "
        "động), `activities` (số hoạt động), `cost` (kinh phí hoạt động), `assignments:total` / "
        "`assignments:done` (nhiệm vụ được giao / đã hoàn thành), `ratio:<tử>/<mẫu>`; "
        "`null` với chỉ tiêu nhập tay.",
        examples=["quantity:broadcasts"],
    )


class LanguageRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str = Field(
        description="Mã ngôn ngữ ISO 639-3 (mã ngôn ngữ vĩ mô `hmn` cho tiếng Mông).",
        examples=["blt"],
    )
    name: str = Field(description="Tên.", examples=["Tiếng Thái (Thái Đen)"])
    name_en: str = Field(description="Tên tiếng Anh.", examples=["Tai Dam"])
