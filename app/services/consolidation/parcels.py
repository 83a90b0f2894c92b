"""Parcels at the agent's warehouse: what they weigh and measure, which orders they carry, their
free storage, their restricted goods, and their photos (metadata; the files are the photo
store's, as for samples).

Rules decided here:
- Weight and the three sides are required, exact and above 0; the sides are stored longest
  first whatever order they were typed in (the domain's Dimensions sorts them).
- The code (tracking number or the agent's parcel code) is optional, but when given belongs to
  one parcel only: it is what a re-import matches on.
- Free storage counts from the arrival date with the free days of the agent whose warehouse
  holds the parcel (AgentFees.free_storage_days; domain.md's 180 when no agent is set). A parcel
  in a shipment that has shipped is no longer stored: it has no storage status.
- Waiting parcels are those in no shipment yet: what the planner and the export start from.
- A photo shows at most once on a parcel; a removed or deleted parcel's photo hashes that no
  parcel shows any more are returned so the caller can forget the files (the photo library
  keeps any a sample or an audit still shows).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from app.domain.consolidation.agent_fees import FREE_STORAGE_DAYS
from app.domain.consolidation.parcels import (
    Dimensions,
    Parcel,
    RestrictedTag,
    StorageStatus,
    storage_status,
)
from app.domain.consolidation.units import problem
from app.domain.kit.money import Money
from app.errors import NotFound, ValidationError
from app.services.consolidation.base import (
    NOTE_LIMIT,
    TEXT_LIMITS,
    ServiceBase,
    imported_problem,
    money_problem,
    require_row,
    supplier_name,
    tags_code,
    tags_from_code,
    text_problem,
)
from app.services.consolidation.cards import fees_from_json
from app.services.consolidation.records import (
    AGENTS,
    ORDERS,
    PARCEL_ORDERS,
    PARCEL_PHOTOS,
    PARCELS,
    SHIPMENTS,
    SUPPLIERS,
    ConsolidationChange,
    OrderRef,
    ParcelInput,
    ParcelPhoto,
    ParcelRow,
    ShipmentStatus,
)
from app.services.samples.photos import CAPTION_LENGTH
from app.services.samples.records import ImportedPhotoLike, SkippedPhoto
from app.services.sql import inserted_id
from app.store.types import utc_now

GONE = (ShipmentStatus.SHIPPED, ShipmentStatus.DELIVERED)  # no longer at the warehouse
_SIDES = (("length_cm", "The length"), ("width_cm", "The width"), ("height_cm", "The height"))


class ParcelService(ServiceBase):
    # --- reading -------------------------------------------------------------------------------
    def parcels(self, waiting_only: bool = False) -> list[ParcelRow]:
        """Every parcel (or those in no shipment yet), earliest arrival first."""
        condition = PARCELS.c.shipment_id.is_(None) if waiting_only else None
        with self.database.transaction() as session:
            return read_parcels(session.connection(), self.today(), condition)

    def parcel(self, parcel_id: int) -> ParcelRow:
        with self.database.transaction() as session:
            found = read_parcels(session.connection(), self.today(), PARCELS.c.id == parcel_id)
        if not found:
            raise NotFound(f"Parcel {parcel_id} no longer exists.")
        return found[0]

    def find_parcel_id(self, code: str) -> int | None:
        wanted = code.strip()
        if not wanted:
            return None
        with self.database.transaction() as session:
            return session.scalar(select(PARCELS.c.id).where(PARCELS.c.code == wanted))

    # --- writing -------------------------------------------------------------------------------
    def save_parcel(self, parcel: ParcelInput) -> ConsolidationChange:
        """Store a new parcel (id None) or replace one, with the orders it carries."""
        errors = parcel_problems(parcel, self.today())
        if errors:
            raise ValidationError(errors)
        with self.database.transaction() as session:
            connection = session.connection()
            errors = stored_parcel_problems(connection, parcel)
            if errors:
                raise ValidationError(errors)
            parcel_id, old_orders = write_parcel(connection, parcel)
        new = parcel.id is None
        return ConsolidationChange(
            created=(parcel_id,) if new else (),
            updated=() if new else (parcel_id,),
            parcels=(parcel_id,),
            orders=tuple(sorted(set(parcel.order_ids) | set(old_orders))),
        )

    def delete_parcel(self, parcel_id: int) -> ConsolidationChange:
        """Delete a parcel with its order links and photo metadata."""
        with self.database.transaction() as session:
            connection = session.connection()
            row = require_row(connection, PARCELS, parcel_id, "Parcel")
            orders = _orders_of(connection, parcel_id)
            hashes = list(
                connection.scalars(
                    select(PARCEL_PHOTOS.c.hash).where(PARCEL_PHOTOS.c.parcel_id == parcel_id)
                )
            )
            connection.execute(delete(PARCELS).where(PARCELS.c.id == parcel_id))
            unused = unreferenced(connection, hashes)
        return ConsolidationChange(
            deleted=(parcel_id,),
            parcels=(parcel_id,),
            orders=tuple(orders),
            shipments=() if row.shipment_id is None else (row.shipment_id,),
            unreferenced_hashes=unused,
        )

    # --- photos --------------------------------------------------------------------------------
    def parcel_photos(self, parcel_id: int) -> list[ParcelPhoto]:
        query = (
            select(PARCEL_PHOTOS)
            .where(PARCEL_PHOTOS.c.parcel_id == parcel_id)
            .order_by(PARCEL_PHOTOS.c.position, PARCEL_PHOTOS.c.id)
        )
        with self.database.transaction() as session:
            return [
                ParcelPhoto(r.id, r.parcel_id, r.hash, r.original_name, r.caption, r.position)
                for r in session.execute(query)
            ]

    def parcel_photo_hashes(self) -> set[str]:
        """Every hash a parcel shows: part of what the photo store's check must find."""
        with self.database.transaction() as session:
            return set(session.scalars(select(PARCEL_PHOTOS.c.hash).distinct()))

    def add_parcel_photos(
        self, parcel_id: int, imported: Iterable[ImportedPhotoLike]
    ) -> ConsolidationChange:
        """Put photos imported into the photo store (workbench.photos.import_files) at the end
        of the parcel's gallery; photos it already shows are skipped and reported."""
        given = list(imported)
        errors = {
            f"photos[{index}]": found
            for index, photo in enumerate(given)
            if (found := imported_problem(photo))
        }
        if errors:
            raise ValidationError(errors)
        with self.database.transaction() as session:
            connection = session.connection()
            require_row(connection, PARCELS, parcel_id, "Parcel")
            where = PARCEL_PHOTOS.c.parcel_id == parcel_id
            shown = set(connection.scalars(select(PARCEL_PHOTOS.c.hash).where(where)))
            last = connection.scalar(select(func.max(PARCEL_PHOTOS.c.position)).where(where))
            position = 0 if last is None else last + 1
            added: list[int] = []
            skipped: list[SkippedPhoto] = []
            for photo in given:
                if photo.hash in shown:
                    skipped.append(
                        SkippedPhoto(photo.hash, photo.original_name, "already on this parcel")
                    )
                    continue
                shown.add(photo.hash)
                values = {
                    "parcel_id": parcel_id,
                    "hash": photo.hash,
                    "original_name": photo.original_name,
                    "caption": "",
                    "position": position,
                }
                added.append(
                    inserted_id(connection.execute(insert(PARCEL_PHOTOS).values(**values)))
                )
                position += 1
        return ConsolidationChange(
            updated=(parcel_id,) if added else (),
            parcels=(parcel_id,) if added else (),
            added_photos=tuple(added),
            skipped_photos=tuple(skipped),
        )

    def caption_parcel_photo(self, photo_id: int, caption: str) -> ConsolidationChange:
        if not isinstance(caption, str) or len(caption) > CAPTION_LENGTH:
            raise ValidationError(
                {"caption": f"The caption must be text under {CAPTION_LENGTH:,} characters."}
            )
        with self.database.transaction() as session:
            connection = session.connection()
            row = require_row(connection, PARCEL_PHOTOS, photo_id, "Photo")
            connection.execute(
                update(PARCEL_PHOTOS)
                .where(PARCEL_PHOTOS.c.id == photo_id)
                .values(caption=caption.strip())
            )
        return ConsolidationChange(updated=(row.parcel_id,), parcels=(row.parcel_id,))

    def remove_parcel_photo(self, photo_id: int) -> ConsolidationChange:
        """Take a photo off its parcel; `unreferenced_hashes` says whether no parcel shows it."""
        with self.database.transaction() as session:
            connection = session.connection()
            row = require_row(connection, PARCEL_PHOTOS, photo_id, "Photo")
            connection.execute(delete(PARCEL_PHOTOS).where(PARCEL_PHOTOS.c.id == photo_id))
            unused = unreferenced(connection, [row.hash])
        return ConsolidationChange(
            updated=(row.parcel_id,), parcels=(row.parcel_id,), unreferenced_hashes=unused
        )


# --- rules --------------------------------------------------------------------------------------
def parcel_problems(parcel: ParcelInput, today: date) -> dict[str, str]:
    """Field → what is wrong, for everything that needs no database."""
    errors: dict[str, str] = {}
    if parcel.weight_kg is None:
        errors["weight_kg"] = "Enter the weight the agent measured (kg)."
    elif found := problem(parcel.weight_kg, "The weight", positive=True):
        errors["weight_kg"] = found
    for key, label in _SIDES:
        value = getattr(parcel, key)
        if value is None:
            errors[key] = f"Enter {label.lower()} in cm."
        elif found := problem(value, label, positive=True):
            errors[key] = found
    for key, label in (("code", "The parcel code"), ("label", "The description")):
        if found := text_problem(getattr(parcel, key), label, TEXT_LIMITS[key]):
            errors[key] = found
    if found := text_problem(parcel.note, "The note", NOTE_LIMIT):
        errors["note"] = found
    arrived = parcel.arrived_on
    if arrived is not None and (not isinstance(arrived, date) or arrived > today):
        errors["arrived_on"] = f"The arrival date {arrived} is after today."
    if not all(isinstance(tag, RestrictedTag) for tag in parcel.tags):
        errors["tags"] = "Restricted goods are battery, liquid, magnet, powder or brand."
    if parcel.declared_value is not None and (
        found := money_problem(parcel.declared_value, "The declared value")
    ):
        errors["declared_value"] = found
    ids = list(parcel.order_ids)
    if any(isinstance(i, bool) or not isinstance(i, int) for i in ids) or len(set(ids)) != len(ids):
        errors["order_ids"] = "Choose each order the parcel carries once."
    return errors


def stored_parcel_problems(connection: Connection, parcel: ParcelInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    if parcel.id is not None:
        require_row(connection, PARCELS, parcel.id, "Parcel")
    if parcel.agent_id is not None and (
        connection.scalar(select(AGENTS.c.id).where(AGENTS.c.id == parcel.agent_id)) is None
    ):
        errors["agent_id"] = f"Agent {parcel.agent_id} no longer exists."
    code = parcel.code.strip()
    if code:
        other = connection.scalar(
            select(PARCELS.c.id).where(PARCELS.c.code == code, PARCELS.c.id != (parcel.id or 0))
        )
        if other is not None:
            errors["code"] = f"Parcel code {code} is already parcel #{other}."
    wanted = set(parcel.order_ids)
    stored = set(connection.scalars(select(ORDERS.c.id).where(ORDERS.c.id.in_(wanted))))
    missing = sorted(wanted - stored)
    if missing:
        errors["order_ids"] = f"Order {missing[0]} no longer exists."
    return errors


def write_parcel(connection: Connection, parcel: ParcelInput) -> tuple[int, list[int]]:
    """Insert or update (checked already); returns the id and the orders it carried before."""
    sides = Dimensions(parcel.length_cm, parcel.width_cm, parcel.height_cm)  # type: ignore[arg-type]
    declared = parcel.declared_value
    values = {
        "code": parcel.code.strip(),
        "label": parcel.label.strip(),
        "agent_id": parcel.agent_id,
        "weight_kg": parcel.weight_kg,
        "length_cm": sides.length,
        "width_cm": sides.width,
        "height_cm": sides.height,
        "arrived_on": parcel.arrived_on,
        "tags": tags_code(parcel.tags),
        "declared_minor": None if declared is None else declared.to_minor(),
        "declared_currency": "CNY" if declared is None else declared.currency,
        "note": parcel.note.strip(),
    }
    now = utc_now()
    if parcel.id is None:
        added = connection.execute(insert(PARCELS).values(**values, created_at=now, updated_at=now))
        parcel_id, old = inserted_id(added), []
    else:
        parcel_id = parcel.id
        old = _orders_of(connection, parcel_id)
        connection.execute(
            update(PARCELS).where(PARCELS.c.id == parcel_id).values(**values, updated_at=now)
        )
        connection.execute(delete(PARCEL_ORDERS).where(PARCEL_ORDERS.c.parcel_id == parcel_id))
    if parcel.order_ids:
        connection.execute(
            insert(PARCEL_ORDERS),
            [{"parcel_id": parcel_id, "order_id": order_id} for order_id in parcel.order_ids],
        )
    return parcel_id, old


# --- reading ------------------------------------------------------------------------------------
def domain_parcel(row: Any) -> Parcel:
    """A stored parcel as the domain's Parcel (id = the parcel's id)."""
    declared = None
    if row.declared_minor is not None:
        declared = Money.from_minor(row.declared_minor, row.declared_currency)
    return Parcel(
        id=row.id,
        label=row.label or row.code,
        actual_kg=row.weight_kg,
        dimensions=Dimensions(row.length_cm, row.width_cm, row.height_cm),
        tags=tags_from_code(row.tags),
        declared_value=declared,
        arrived_on=row.arrived_on,
    )


def read_parcels(connection: Connection, today: date, condition: Any = None) -> list[ParcelRow]:
    query = select(PARCELS).order_by(PARCELS.c.arrived_on, PARCELS.c.id)
    if condition is not None:
        query = query.where(condition)
    rows = connection.execute(query).all()
    agents = {
        row.id: (row.name, fees_from_json(row.fees, row.name).free_storage_days)
        for row in connection.execute(select(AGENTS.c.id, AGENTS.c.name, AGENTS.c.fees))
    }
    shipments = {
        row.id: (row.name, ShipmentStatus(row.status))
        for row in connection.execute(select(SHIPMENTS.c.id, SHIPMENTS.c.name, SHIPMENTS.c.status))
    }
    refs = order_refs(connection)
    counted = select(PARCEL_PHOTOS.c.parcel_id, func.count()).group_by(PARCEL_PHOTOS.c.parcel_id)
    photos = {row[0]: row[1] for row in connection.execute(counted)}
    found = []
    for row in rows:
        agent_name, free_days = agents.get(row.agent_id, ("", FREE_STORAGE_DAYS))
        shipment_name, shipment_status = shipments.get(row.shipment_id, ("", None))
        storage = None
        if row.arrived_on is not None and row.arrived_on <= today and shipment_status not in GONE:
            storage = storage_status(row.arrived_on, today, free_days)
        found.append(
            ParcelRow(
                domain_parcel(row),
                row.code,
                row.agent_id,
                agent_name,
                tuple(refs.get(row.id, ())),
                storage,
                row.shipment_id,
                shipment_name,
                shipment_status,
                photos.get(row.id, 0),
                row.note,
            )
        )
    return found


def order_refs(connection: Connection) -> dict[int, list[OrderRef]]:
    """The orders each parcel carries, by parcel id (in order id order)."""
    query = (
        select(
            PARCEL_ORDERS.c.parcel_id,
            ORDERS.c.id,
            ORDERS.c.order_number,
            ORDERS.c.supplier_id,
            SUPPLIERS.c.name_zh,
            SUPPLIERS.c.name_en,
        )
        .join(ORDERS, ORDERS.c.id == PARCEL_ORDERS.c.order_id)
        .join(SUPPLIERS, SUPPLIERS.c.id == ORDERS.c.supplier_id)
        .order_by(PARCEL_ORDERS.c.parcel_id, ORDERS.c.id)
    )
    refs: dict[int, list[OrderRef]] = {}
    for row in connection.execute(query):
        refs.setdefault(row.parcel_id, []).append(
            OrderRef(
                row.id, row.order_number, row.supplier_id, supplier_name(row.name_zh, row.name_en)
            )
        )
    return refs


def storage_warnings(rows: Sequence[ParcelRow]) -> list[ParcelRow]:
    """The parcels whose free storage ends within the warning period or has ended."""
    return [row for row in rows if row.storage is not None and _needs_care(row.storage)]


def _needs_care(status: StorageStatus) -> bool:
    return status.warning or status.overdue


def _orders_of(connection: Connection, parcel_id: int) -> list[int]:
    return list(
        connection.scalars(
            select(PARCEL_ORDERS.c.order_id).where(PARCEL_ORDERS.c.parcel_id == parcel_id)
        )
    )


def unreferenced(connection: Connection, hashes: Iterable[str]) -> tuple[str, ...]:
    """Of these hashes, the ones no parcel shows any more (sorted, once each)."""
    candidates = sorted(set(hashes))
    if not candidates:
        return ()
    still = set(
        connection.scalars(select(PARCEL_PHOTOS.c.hash).where(PARCEL_PHOTOS.c.hash.in_(candidates)))
    )
    return tuple(h for h in candidates if h not in still)
