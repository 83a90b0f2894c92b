"""The heuristic split for selections too large to prove (search.py has the exact ones).

Rules, decided once:
- Two kinds of start, parcels taken largest first: best fit (each parcel where it adds least,
  a box of its own included) and fewest boxes (first fit: a new box only when no open box takes
  it), the latter twice, by volume and by weight: a first-fit start sees the tare and fixed fees
  a first merge pays alone, which best fit never accepts.
- Each start is improved by local search: each parcel to its best place (another box, or
  alone), the best merge of two boxes; when those are spent, emptying the smallest box into the
  others, exchanging two parcels between boxes (while fewer than SWAP_BUDGET boxes have been
  priced), and splitting two boxes of at most PAIR_LIMIT parcels again exactly (while fewer than
  RESOLVE_BUDGET). Every accepted step lowers the cost, so the search ends.
- The cheapest result wins, never one dearer than every parcel alone. The budgets keep 40
  parcels at tens of milliseconds a line; the result is not proven optimal and says so.
"""

from __future__ import annotations

from app.domain.consolidation.search import INFEASIBLE, Engine, exact_additive

SWAP_BUDGET = 500  # boxes priced before exchanges stop
RESOLVE_BUDGET = 1000  # boxes priced before pairs of boxes stop being split again exactly
PAIR_LIMIT = 8  # parcels of two boxes split again exactly: 2^8 subsets, 3^8 / 2 DP steps
MAX_PASSES = 20  # a safety stop only: every pass must lower the cost


def heuristic(engine: Engine) -> list[int]:
    """The best of three starts (best fit; first fit by volume, by weight), each improved by
    local search, and of every parcel alone."""
    order = sorted(
        range(engine.n),
        key=lambda i: (
            -engine.parcels[i].dimensions.volume_cm3,
            -engine.parcels[i].actual_kg,
            i,
        ),
    )
    heaviest = sorted(range(engine.n), key=lambda i: (-engine.parcels[i].actual_kg, i))
    starts = [
        _best_fit(engine, order),
        _fewest_boxes(engine, order),
        _fewest_boxes(engine, heaviest),
    ]
    candidates = [[1 << i for i in range(engine.n)]]
    seen: set[frozenset[int]] = set()
    for start in starts:
        if frozenset(start) not in seen:  # the same start twice would end the same way
            seen.add(frozenset(start))
            candidates.insert(-1, improve(engine, start))
    return min(candidates, key=engine.total)  # the first of equals: a start before alone


def _best_fit(engine: Engine, order: list[int]) -> list[int]:
    """Each parcel where it adds least: into a box, or a box of its own."""
    blocks: list[int] = []
    current = 0
    for i in order:
        bit = 1 << i
        best_blocks, best_key = [*blocks, bit], engine.change(blocks, current, (), (bit,))
        for j, block in enumerate(blocks):
            key = engine.change(blocks, current, (j,), (block | bit,))
            if key < best_key:
                best_blocks = [*blocks[:j], block | bit, *blocks[j + 1 :]]
                best_key = key
        blocks, current = best_blocks, best_key
    return blocks


def _fewest_boxes(engine: Engine, order: list[int]) -> list[int]:
    """First-fit decreasing: a new box only when no open box can take the parcel."""
    blocks: list[int] = []
    for i in order:
        bit = 1 << i
        for j, block in enumerate(blocks):
            if engine.box(block | bit) is not None:
                blocks[j] = block | bit
                break
        else:
            blocks.append(bit)
    return blocks


def improve(engine: Engine, blocks: list[int]) -> list[int]:
    """Local search, first the cheap moves: each parcel to its best place (another box, or
    alone) and the best merge of two boxes; when those are spent, emptying a box into the
    others, exchanging two parcels, and splitting two boxes again exactly. Repeated while
    something improves; a parcel or the merges are looked at again only after a change."""
    blocks = list(blocks)
    current = engine.total(blocks)
    tried: set[int] = set()  # pairs of boxes already split again exactly
    changes = 0
    settled = [-1] * engine.n  # `changes` when parcel i last had no better place
    merges_settled = -1
    for _ in range(MAX_PASSES):
        before = changes
        for i in range(engine.n):
            if settled[i] == changes:
                continue
            moved = _best_move(engine, blocks, current, 1 << i)
            if moved is None:
                settled[i] = changes
            else:
                blocks, current = moved
                changes += 1
        if merges_settled != changes:
            merged = _best_merge(engine, blocks, current)
            if merged is None:
                merges_settled = changes
            else:
                blocks, current = merged
                changes += 1
        if changes == before:
            better = _best_dissolve(engine, blocks, current) or _swapped(engine, blocks, current)
            better = better or _best_pair_resolve(engine, blocks, current, tried)
            if better is None:
                break
            blocks, current = better
            changes += 1
    return blocks


def _swapped(engine: Engine, blocks: list[int], current: int) -> tuple[list[int], int] | None:
    """Every improving exchange of two parcels found in one sweep (None if none)."""
    found = None
    for i in range(engine.n):
        swapped = _best_swap(engine, blocks, current, i)
        if swapped is not None:
            blocks, current = swapped
            found = swapped
    return found


def _best_pair_resolve(
    engine: Engine, blocks: list[int], current: int, tried: set[int]
) -> tuple[list[int], int] | None:
    """Two boxes' parcels split again exactly (weight-priced lines, small unions only)."""
    if engine.sea:
        return None
    for a in range(len(blocks)):
        for b in range(a + 1, len(blocks)):
            union = blocks[a] | blocks[b]
            if union in tried or union.bit_count() > PAIR_LIMIT:
                continue
            if engine.evaluated > RESOLVE_BUDGET:
                return None
            tried.add(union)
            again = tuple(exact_additive(engine, union))
            key = engine.change(blocks, current, (a, b), again, current)
            if key < current:
                return [*_without(blocks, a, b), *again], key
    return None


def _best_dissolve(engine: Engine, blocks: list[int], current: int) -> tuple[list[int], int] | None:
    """Empty one box into the others (each parcel to its best box), if that pays."""
    for j in sorted(range(len(blocks)), key=lambda j: bin(blocks[j]).count("1")):
        rest = _without(blocks, j)
        key = engine.total(rest) if rest else INFEASIBLE
        bits = [1 << i for i in range(engine.n) if blocks[j] >> i & 1]
        for bit in bits:
            if key >= INFEASIBLE:
                break
            options = [
                (engine.change(rest, key, (k,), (block | bit,)), k) for k, block in enumerate(rest)
            ]
            key, k = min(options)
            rest[k] |= bit
        if key < current:
            return rest, key
    return None


def _best_swap(
    engine: Engine, blocks: list[int], current: int, i: int
) -> tuple[list[int], int] | None:
    """Parcel i exchanged with a parcel of another box, the best such exchange if it pays."""
    if engine.evaluated > SWAP_BUDGET:
        return None
    bit = 1 << i
    source = next(j for j, b in enumerate(blocks) if b & bit)
    best: tuple[list[int], int] | None = None
    best_key = current
    for j, block in enumerate(blocks):
        if j == source:
            continue
        for k in range(i + 1, engine.n):
            other = 1 << k
            if not block & other:
                continue
            added = (blocks[source] ^ bit | other, block ^ other | bit)
            key = engine.change(blocks, current, (source, j), added, best_key)
            if key < best_key:
                best, best_key = ([*_without(blocks, source, j), *added], key), key
    return best


def _best_move(
    engine: Engine, blocks: list[int], current: int, bit: int
) -> tuple[list[int], int] | None:
    source = next(j for j, b in enumerate(blocks) if b & bit)
    left = blocks[source] ^ bit
    best: tuple[list[int], int] | None = None
    best_key = current
    if left:  # alone in a box of its own
        key = engine.change(blocks, current, (source,), (left, bit), best_key)
        if key < best_key:
            best, best_key = ([*_without(blocks, source), left, bit], key), key
    for j, block in enumerate(blocks):
        if j == source:
            continue
        added = (left, block | bit) if left else (block | bit,)
        key = engine.change(blocks, current, (source, j), added, best_key)
        if key < best_key:
            best, best_key = ([*_without(blocks, source, j), *added], key), key
    return best


def _best_merge(engine: Engine, blocks: list[int], current: int) -> tuple[list[int], int] | None:
    best: tuple[list[int], int] | None = None
    best_key = current
    for a in range(len(blocks)):
        for b in range(a + 1, len(blocks)):
            merged = blocks[a] | blocks[b]
            key = engine.change(blocks, current, (a, b), (merged,), best_key)
            if key < best_key:
                best, best_key = ([*_without(blocks, a, b), merged], key), key
    return best


def _without(blocks: list[int], *positions: int) -> list[int]:
    return [b for j, b in enumerate(blocks) if j not in positions]
