from app.domain.kit.search_text import matches, search_text, sort_key

HENGDA = search_text(["义乌市恒达工艺品厂", "Yiwu Hengda Crafts", "义乌", "浙江", "Zhejiang"])


def test_chinese_english_and_pinyin_all_find_the_supplier() -> None:
    for query in (
        "义乌",
        "恒达",
        "hengda crafts",
        "yiwu",
        "yi wu",
        "YIWU HENGDA",
        "ywshd",
        "zhejiang",
    ):
        assert matches(HENGDA, query), query


def test_unrelated_queries_do_not_match() -> None:
    for query in ("shenzhen", "深圳", "yiwu shenzhen", "hengdaxyz"):
        assert not matches(HENGDA, query), query


def test_empty_query_matches_everything() -> None:
    assert matches(HENGDA, "   ")


def test_chinese_sorts_by_pinyin_not_by_code_point() -> None:
    names = ["深圳市华强电子", "安徽合力", "北京五金", "义乌市恒达"]
    # Code point order would put 义 (U+4E49) first; pinyin puts an, bei, shen, yi.
    assert sorted(names, key=sort_key) == ["安徽合力", "北京五金", "深圳市华强电子", "义乌市恒达"]
    assert sorted(names) != sorted(names, key=sort_key)
