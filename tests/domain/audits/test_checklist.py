

def test_attached_photo_refs_keep_their_hash_and_show_their_name() -> None:
    from app.domain.audits.checklist import attached_photo_ref, photo_ref_hash, photo_ref_label

    digest = "ab" * 32
    ref = attached_photo_ref("车间@2号线.jpg", digest)
    assert photo_ref_hash(ref) == digest
    assert photo_ref_label(ref) == "车间@2号线.jpg"
    for typed in ("IMG_2041", "wang@factory.cn", f"@{digest}", "x@" + "g" * 64):
        assert photo_ref_hash(typed) is None and photo_ref_label(typed) == typed
