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
        description="Cách cộng dồn khi tổng hợp: `sum` (cộng) hoặc `max` (lớn nhất).",
        examples=["sum"],
    )
    source: str = Field(
        description="`activities`: tính từ các hoạt động; `manual`: nhập tay trong báo cáo.",
        examples=["activities"],
    )


class LanguageRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str = Field(
        description="Mã ngôn ngữ ISO 639-3 (mã ngôn ngữ vĩ mô `hmn` cho tiếng Mông).",
        examples=["blt"],
    )
    name: str = Field(description="Tên.", examples=["Tiếng Thái (Thái Đen)"])
    name_en: str = Field(description="Tên tiếng Anh.", examples=["Tai Dam"])
