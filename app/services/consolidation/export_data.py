"""The consolidation exports' input (app.exports.consolidation.data.ConsolidationExport): the
parcels with what they carry, the plan over every line, and the allocation of the charge.

Rules decided here:
- Without a shipment: every parcel waiting at the warehouse (in no shipment), the plan over
  every line, and the allocation of the cheapest line's best total (the first of a tie; none
  when no line is marked cheapest: lines in several currencies, or none can take them).
- With a shipment: its parcels and the plan over every line (to compare), but the allocation
  is of the shipment's own charge (actual once recorded, else estimate) on its own line: that
  is what the goods cost to send, whichever line looks cheapest today.
- A parcel's items are those of the orders it carries; a parcel carrying orders of several
  suppliers names them all ("A, B").
"""

from __future__ import annotations

from sqlalchemy import Connection, select

from app.domain.consolidation.allocation import AllocationBasis
from app.domain.consolidation.parcels import Parcel
from app.domain.consolidation.planner import ShipmentPlan, plan_shipment
from app.domain.kit.money import Money
from app.errors import WorkbenchError
from app.exports.consolidation.data import (
    AllocationEntry,
    ConsolidationExport,
    ItemEntry,
    LineName,
    ParcelEntry,
)
from app.services.consolidation.allocation import AllocationService, allocate_charge
from app.services.consolidation.base import product_names
from app.services.consolidation.lines import load_lines
from app.services.consolidation.orders import read_orders
from app.services.consolidation.parcels import order_refs
from app.services.consolidation.records import ORDERS, PARCELS, SHIPMENTS, AllocationResult
from app.services.consolidation.shipments import load_parcels, read_shipments

WAITING_TITLE = "Parcels waiting at the warehouse"


class ExportDataService(AllocationService):
    def export_data(
        self,
        shipment_id: int | None = None,
        basis: AllocationBasis = AllocationBasis.CHARGEABLE_WEIGHT,
    ) -> ConsolidationExport:
        """What the consolidation exports write (see the module's rules)."""
        with self.database.transaction() as session:
            connection = session.connection()
            if shipment_id is None:
                title = WAITING_TITLE
                ids = list(
                    connection.scalars(
                        select(PARCELS.c.id)
                        .where(PARCELS.c.shipment_id.is_(None))
                        .order_by(PARCELS.c.arrived_on, PARCELS.c.id)
                    )
                )
                if not ids:
                    raise WorkbenchError(
                        "No parcels are waiting at the warehouse: there is nothing to export."
                    )
                shipment = None
            else:
                found = read_shipments(connection, SHIPMENTS.c.id == shipment_id)
                if not found:
                    raise WorkbenchError(f"Shipment {shipment_id} no longer exists.")
                shipment = found[0]
                title, ids = shipment.name, list(shipment.parcel_ids)
                if not ids:
                    raise WorkbenchError(
                        f"Shipment {shipment.name} holds no parcels any more: nothing to export."
                    )
            parcels = load_parcels(connection, ids)
            entries, options = load_lines(connection)
            plan = plan_shipment(parcels, options)
            shared: AllocationResult | None
            if shipment is not None:
                shared = allocate_charge(connection, parcels, shipment.card, shipment.charge, basis)
            else:
                shared = _cheapest_allocation(connection, plan, parcels, basis)
            parcel_entries = _parcel_entries(connection, parcels)
        names = tuple(LineName(entry.card.name, entry.agent_name) for entry in entries)
        allocation = tuple(
            AllocationEntry(
                f"{item.product_name} ({item.order_number})"
                if item.order_number
                else item.product_name,
                item.basis_value,
                item.share,
                item.per_unit,
            )
            for item in (shared.items if shared is not None else ())
        )
        return ConsolidationExport(
            title=title,
            parcels=parcel_entries,
            plan=plan,
            names=names,
            allocation=allocation,
            allocation_basis=basis,
            today=self.today(),
        )


def _cheapest_allocation(
    connection: Connection, plan: ShipmentPlan, parcels: list[Parcel], basis: AllocationBasis
) -> AllocationResult | None:
    for line in plan.cheapest:
        best = line.best
        if best is not None:
            return allocate_charge(connection, parcels, line.line, best.total, basis)
    return None


def _parcel_entries(connection: Connection, parcels: list[Parcel]) -> tuple[ParcelEntry, ...]:
    refs = order_refs(connection)
    order_ids = {ref.id for p in parcels for ref in refs.get(int(p.id), ())}
    orders = {o.id: o for o in read_orders(connection, ORDERS.c.id.in_(sorted(order_ids)))}
    names = product_names(
        connection, (item.product_id for order in orders.values() for item in order.items)
    )
    found = []
    for parcel in parcels:
        carried = refs.get(int(parcel.id), [])
        items = tuple(
            ItemEntry(
                names.get(item.product_id, ""),
                item.quantity,
                Money(item.unit_price, item.currency),
                item.hs_code,
            )
            for ref in carried
            for item in orders[ref.id].items
        )
        suppliers = ", ".join(dict.fromkeys(ref.supplier_name for ref in carried))
        numbers = tuple(ref.order_number for ref in carried if ref.order_number)
        found.append(ParcelEntry(parcel, suppliers, numbers, items))
    return tuple(found)
