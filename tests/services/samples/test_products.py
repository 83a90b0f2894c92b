"""Products in the sample service: stored exactly, refused whole, and their own criteria (a
rename keeps the scores, a removal takes them, a kind cannot change under scores)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.samples.sample import Criterion, CriterionKind, PassFail, Product
from app.errors import NotFound, ValidationError
from app.services.samples.service import SampleService
from app.services.suppliers.service import SupplierService
from tests.conftest import TODAY
from tests.db_rows import query
from tests.services.samples.fixtures import HINGE, STAND, World, make_world

D = Decimal


@pytest.fixture
def world(database, supplier_service: SupplierService) -> World:
    return make_world(SampleService(database, today=lambda: TODAY), supplier_service)


def _criteria(db_path: Path) -> list[tuple]:
    return query(db_path, "SELECT id, name, kind, position FROM product_criteria ORDER BY id")


def _scores(db_path: Path) -> list[tuple]:
    return query(db_path, "SELECT sample_id, criterion, value FROM sample_scores ORDER BY id")


def test_a_product_is_stored_with_exact_values(world: World, db_path: Path) -> None:
    assert query(
        db_path,
        "SELECT name, name_zh, category, length_cm, width_cm, height_cm, weight_kg, material, "
        "colour, notes FROM products",
    ) == [
        (
            "Phone stand",
            "手机支架",
            "phone accessories",
            "12.0",
            "8.5",
            "2.5",
            "0.150",  # as typed: Decimal text, never a float
            "aluminium alloy",
            "space grey",
            "Foldable; must hold a 7-inch tablet.",
        )
    ]
    assert _criteria(db_path) == [(1, HINGE, "pass_fail", 0), (2, "Logo print", "score", 1)]
    stored = world.samples.product(world.product_id)
    assert replace(stored, criteria=()) == replace(STAND, id=world.product_id, criteria=())
    assert [(c.name, c.kind, c.id) for c in stored.criteria] == [
        (HINGE, CriterionKind.PASS_FAIL, 1),
        ("Logo print", CriterionKind.SCORE, 2),
    ]


def test_texts_are_trimmed_and_an_update_keeps_the_id(world: World, db_path: Path) -> None:
    stored = world.samples.product(world.product_id)
    change = world.samples.save_product(replace(stored, name="  Phone stand v2 ", weight_kg=None))
    assert change.products == (world.product_id,) and change.touched == ()
    assert query(db_path, "SELECT id, name, weight_kg FROM products") == [
        (world.product_id, "Phone stand v2", None)
    ]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "", "name_zh": " "}, "name"),
        ({"length_cm": D(0)}, "length_cm"),
        ({"weight_kg": 0.15}, "weight_kg"),
        ({"criteria": (Criterion("appearance"),)}, "criteria[0]"),
        ({"criteria": (Criterion("Logo"), Criterion("LOGO"))}, "criteria[1]"),
    ],
)
def test_a_bad_product_is_refused_whole(
    world: World, db_path: Path, changes: dict, field: str
) -> None:
    before = query(db_path, "SELECT * FROM products"), _criteria(db_path)
    for product in (replace(STAND, **changes), replace(STAND, id=world.product_id, **changes)):
        with pytest.raises(ValidationError) as refused:
            world.samples.save_product(product)
        assert list(refused.value.field_errors) == [field]
    assert (query(db_path, "SELECT * FROM products"), _criteria(db_path)) == before


def test_a_deleted_product_is_not_found(world: World) -> None:
    world.samples.delete_product(world.product_id)
    for call in (
        lambda: world.samples.product(world.product_id),
        lambda: world.samples.save_product(replace(STAND, id=world.product_id)),
        lambda: world.samples.delete_product(world.product_id),
    ):
        with pytest.raises(NotFound, match=f"Product {world.product_id}"):
            call()


def test_a_renamed_criterion_keeps_its_scores(world: World, db_path: Path) -> None:
    sample_id = world.add()
    stored = world.samples.product(world.product_id)
    hinge, logo = stored.criteria
    world.samples.save_product(
        replace(stored, criteria=(logo, replace(hinge, name="Hinge holds 12 kg")))
    )
    assert _criteria(db_path) == [
        (1, "Hinge holds 12 kg", "pass_fail", 1),
        (2, "Logo print", "score", 0),  # moved first
    ]
    assert world.samples.sample(sample_id).scores["Hinge holds 12 kg"] is PassFail.PASS
    assert HINGE not in world.samples.sample(sample_id).scores


def test_two_criteria_can_swap_names_and_their_scores_follow_them(
    world: World, db_path: Path
) -> None:
    stored = world.samples.product(world.product_id)
    world.samples.save_product(replace(stored, criteria=(*stored.criteria, Criterion("Feet"))))
    sample_id = world.add(scores={HINGE: PassFail.FAIL, "Logo print": 2, "Feet": 5})
    hinge, logo, feet = world.samples.product(world.product_id).criteria
    world.samples.save_product(
        replace(
            stored, criteria=(hinge, replace(logo, name="Feet"), replace(feet, name="Logo print"))
        )
    )
    assert _criteria(db_path) == [
        (1, HINGE, "pass_fail", 0),
        (2, "Feet", "score", 1),
        (3, "Logo print", "score", 2),
    ]
    # The score given to the criterion now called "Feet" is the one it had as "Logo print".
    assert world.samples.sample(sample_id).scores == {
        HINGE: PassFail.FAIL,
        "Feet": 2,
        "Logo print": 5,
    }


def test_a_removed_criterion_takes_its_scores_only_on_this_product(
    world: World, db_path: Path
) -> None:
    other = world.samples.save_product(Product(name="Tablet stand", criteria=(Criterion(HINGE),)))
    theirs = world.add(product_id=other.products[0], scores={HINGE: 3})
    mine = world.add()
    stored = world.samples.product(world.product_id)
    world.samples.save_product(replace(stored, criteria=stored.criteria[1:]))
    assert world.samples.sample(mine).scores == {"appearance": 4, "function": 5}
    assert world.samples.sample(theirs).scores == {HINGE: 3}
    # Added again, it starts unscored.
    world.samples.save_product(
        replace(stored, criteria=(*stored.criteria[1:], Criterion(HINGE, CriterionKind.PASS_FAIL)))
    )
    assert HINGE not in world.samples.sample(mine).scores


def test_a_kind_cannot_change_under_scores_but_can_before(world: World, db_path: Path) -> None:
    stored = world.samples.product(world.product_id)
    hinge, logo = stored.criteria
    scored_hinge = replace(stored, criteria=(replace(hinge, kind=CriterionKind.SCORE), logo))
    world.add()  # scores the hinge pass/fail
    before = _criteria(db_path), _scores(db_path)
    with pytest.raises(ValidationError, match="Samples are scored on 'Hinge holds 10 kg'") as e:
        world.samples.save_product(scored_hinge)
    assert list(e.value.field_errors) == ["criteria[0]"]
    assert (_criteria(db_path), _scores(db_path)) == before
    # Nobody scored the logo yet: it may become pass/fail.
    world.samples.save_product(
        replace(stored, criteria=(hinge, replace(logo, kind=CriterionKind.PASS_FAIL)))
    )
    assert _criteria(db_path)[1] == (2, "Logo print", "pass_fail", 1)


def test_a_criterion_of_another_product_or_gone_is_refused(world: World) -> None:
    other = world.samples.save_product(Product(name="Tablet stand", criteria=(Criterion("Grip"),)))
    grip = world.samples.product(other.products[0]).criteria[0]
    stored = world.samples.product(world.product_id)
    with pytest.raises(ValidationError, match="no longer exists") as refused:
        world.samples.save_product(replace(stored, criteria=(*stored.criteria, grip)))
    assert list(refused.value.field_errors) == ["criteria[2]"]
