import pytest

from app.domain.suppliers.similarity import names_look_alike, normalise_shop_url


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("https://www.hengda.1688.com/page/offerlist.htm?spm=a1", "hengda.1688.com"),
        ("HTTP://Shop.example.com/x/", "https://shop.example.com/x"),
    ],
)
def test_same_shop_urls_normalise_equal(first: str, second: str) -> None:
    assert normalise_shop_url(first) == normalise_shop_url(second)


def test_different_1688_shops_differ() -> None:
    assert normalise_shop_url("https://hengda.1688.com") != normalise_shop_url(
        "https://huaqiang.1688.com"
    )


@pytest.mark.parametrize(
    ("first", "second", "alike"),
    [
        ("义乌市恒达工艺品厂", "义乌市恒达工艺品有限公司", True),
        ("Yiwu Hengda Crafts Co., Ltd.", "Yiwu Hengda Crafts", True),
        ("义乌市恒达工艺品厂", "深圳市华强通讯配件有限公司", False),
        ("Ningbo Home Goods", "Xiamen Outdoor Gear", False),
        ("有限公司", "有限公司", False),  # nothing left once the legal form is removed
    ],
)
def test_names_look_alike(first: str, second: str, alike: bool) -> None:
    assert names_look_alike(first, second) is alike


def test_the_place_prefix_does_not_make_neighbours_alike() -> None:
    # Same city and legal form, different company: only 恒达 vs 晨光 should be compared.
    assert not names_look_alike("义乌市恒达工艺品有限公司", "义乌市晨光工艺品有限公司")
    assert names_look_alike("义乌市恒达工艺品有限公司", "浙江省义乌市恒达工艺品厂")
