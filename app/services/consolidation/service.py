"""The Consolidation tab's service (`workbench.consolidation`): one object over the parts, each
in its own module with its rules in its docstring.

- orders.py: 1688 orders and their items, status moves, the agreed price of the Negotiation tab.
- parcels.py: parcels at the agent's warehouse, their orders, storage and photos.
- lines.py: agents with their fees, shipping lines with their rate cards.
- shipments.py: the planner over every line, shipments, estimate against actual.
- allocation.py: a shipment's charge shared back to the order items; freight per unit.
- export_data.py: the input of the consolidation exports.

Every write validates first (ValidationError with field keys, nothing written), runs in one
transaction and returns a ConsolidationChange; reads return plain records of domain types.
"""

from __future__ import annotations

from app.services.consolidation.export_data import ExportDataService
from app.services.consolidation.lines import LineService
from app.services.consolidation.orders import OrderService
from app.services.consolidation.parcels import ParcelService
from app.services.consolidation.shipments import ShipmentService


class ConsolidationService(
    OrderService, ParcelService, LineService, ShipmentService, ExportDataService
):
    """Orders, parcels, agents and lines, plans, shipments, allocation and export data."""
