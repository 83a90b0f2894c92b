import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.suppliers.supplier import Contact
from app.errors import NotFound, ValidationError
from app.services.suppliers.service import SupplierService
from tests.factories import hengda, minimal


def _count(db_path: Path, table: str) -> int:
    with sqlite3.connect(db_path) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_update_replaces_lists_and_keeps_created_at(supplier_service: SupplierService) -> None:
    supplier_id = supplier_service.save(hengda()).created[0]
    record = supplier_service.get(supplier_id)
    record.contacts = [Contact(person="新联系人")]
    record.tags = []
    change = supplier_service.save(record)
    stored = supplier_service.get(supplier_id)
    assert change.updated == (supplier_id,)
    assert [c.person for c in stored.contacts] == ["新联系人"]
    assert stored.tags == []
    assert stored.created_at == record.created_at
    assert stored.updated_at is not None and stored.updated_at > record.updated_at


def test_invalid_record_stores_nothing(supplier_service: SupplierService, db_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        supplier_service.save(hengda(reorder_rate=Decimal("250")))
    assert "reorder_rate" in caught.value.field_errors
    assert _count(db_path, "suppliers") == 0


def test_rates_and_money_are_stored_exactly_never_as_real(
    supplier_service: SupplierService, db_path: Path
) -> None:
    supplier_service.save(hengda(reorder_rate=Decimal("33.3")))
    with sqlite3.connect(db_path) as connection:
        row = connection.execute(
            "SELECT typeof(reorder_rate), reorder_rate, typeof(deposit_minor), deposit_minor FROM suppliers"
        ).fetchone()
    assert row == ("text", "33.3", "integer", 300000)


def test_delete_cascades_and_undo_restores_everything(
    supplier_service: SupplierService, db_path: Path
) -> None:
    keep = supplier_service.save(minimal("深圳市华强通讯配件有限公司")).created[0]
    gone = supplier_service.save(hengda()).created[0]
    before = supplier_service.get(gone)
    change = supplier_service.delete([gone])
    assert change.deleted == (gone,)
    assert (
        _count(db_path, "supplier_contacts") == 0
        and _count(db_path, "supplier_certifications") == 0
    )
    with pytest.raises(NotFound):
        supplier_service.get(gone)
    supplier_service.restore(change.removed)
    assert supplier_service.get(gone) == before
    assert supplier_service.get(keep).name_zh == "深圳市华强通讯配件有限公司"


def test_duplicate_copies_lists_but_not_the_shop(supplier_service: SupplierService) -> None:
    original = supplier_service.get(supplier_service.save(hengda()).created[0])
    copy = supplier_service.get(supplier_service.duplicate(original.id).created[0])
    assert copy.id != original.id
    assert copy.name_zh == "义乌市恒达工艺品厂（副本）"
    assert copy.shop_url == ""
    assert copy.contacts == original.contacts and copy.certifications == original.certifications


def test_look_alikes_by_shop_and_by_name(supplier_service: SupplierService) -> None:
    existing = supplier_service.save(hengda()).created[0]
    same_shop = minimal("完全不同的名字", shop_url="http://www.hengda.1688.com/page/contact.htm")
    similar = minimal("义乌市恒达工艺品有限公司")
    different = minimal("晋江市鸿星鞋业有限公司", shop_url="https://hongxing.1688.com")
    assert [(x.id, x.reason) for x in supplier_service.look_alikes(same_shop)] == [
        (existing, "same 1688 shop")
    ]
    assert [(x.id, x.reason) for x in supplier_service.look_alikes(similar)] == [
        (existing, "very similar name")
    ]
    assert supplier_service.look_alikes(different) == []
    itself = supplier_service.get(existing)
    assert supplier_service.look_alikes(itself) == []


def test_insert_many_is_all_or_nothing(supplier_service: SupplierService, db_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        supplier_service.insert_many([hengda(), minimal()])
    assert "#2 name_zh" in caught.value.field_errors
    assert _count(db_path, "suppliers") == 0
    change = supplier_service.insert_many([hengda(), minimal(name_en="Second")])
    assert len(change.created) == 2
    assert supplier_service.get(change.created[0]) == hengda(
        id=change.created[0],
        created_at=supplier_service.get(change.created[0]).created_at,
        updated_at=supplier_service.get(change.created[0]).updated_at,
    )


def test_find_id_by_id_or_exact_name(supplier_service: SupplierService) -> None:
    supplier_id = supplier_service.save(hengda()).created[0]
    assert supplier_service.find_id(str(supplier_id)) == supplier_id
    assert supplier_service.find_id("Yiwu Hengda Crafts Factory") == supplier_id
    with pytest.raises(NotFound, match="No supplier"):
        supplier_service.find_id("nobody")


def test_all_records_in_pinyin_order_and_subset(supplier_service: SupplierService) -> None:
    ids = supplier_service.insert_many(
        [minimal("义乌甲"), minimal("安徽乙"), minimal(name_en="Zeta Trading"), minimal("北京丙")]
    ).created
    names = [record.display_name for record in supplier_service.all_records()]
    assert names == ["安徽乙", "北京丙", "义乌甲", "Zeta Trading"]
    assert [r.id for r in supplier_service.all_records([ids[0]])] == [ids[0]]


def test_count_follows_inserts_and_deletes(supplier_service: SupplierService) -> None:
    assert supplier_service.count() == 0
    ids = supplier_service.insert_many([minimal("义乌甲"), minimal("安徽乙")]).created
    assert supplier_service.count() == 2
    supplier_service.delete([ids[0]])
    assert supplier_service.count() == 1
