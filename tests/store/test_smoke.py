from app.services.suppliers.service import SupplierService
from tests.factories import hengda


def test_saved_supplier_reads_back_whole(supplier_service: SupplierService) -> None:
    change = supplier_service.save(hengda())
    stored = supplier_service.get(change.created[0])
    expected = hengda(id=stored.id, created_at=stored.created_at, updated_at=stored.updated_at)
    assert stored == expected
