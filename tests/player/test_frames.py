"""FrameStore: the picture buffers libVLC decodes into (player.frames), without libVLC."""

from player.frames import BUFFERS, FrameStore


def _store(size: tuple[int, int] | None = (1920, 1080)) -> tuple[FrameStore, list[int]]:
    shown: list[int] = []
    store = FrameStore(lambda: shown.append(1))
    store.set_picture_size(size)
    return store, shown


def _addresses(store: FrameStore) -> set[int]:
    addresses = set()
    for _ in range(BUFFERS):
        buffer_id, address = store.lock()
        store.unlock(buffer_id)
        addresses.add(address)
    return addresses


def test_the_header_size_is_asked_of_libvlc_not_the_decoders_padded_one():
    store, _ = _store((1920, 1080))
    assert store.allocate(1920, 1088) == (1920, 1080)
    store.displayed(store.lock()[0])
    with store.read() as picture:
        assert picture is not None and picture.shape == (1080, 1920, 4)


def test_without_a_header_size_libvlcs_offer_is_taken():
    store, _ = _store(None)
    assert store.allocate(640, 368) == (640, 368)


def test_asked_again_for_the_same_size_the_buffers_are_kept_and_nothing_counts_as_shown():
    store, _ = _store()
    store.allocate(1920, 1088)
    first = _addresses(store)
    store.displayed(store.lock()[0])
    store.allocate(1920, 1090)  # libVLC's video output restarting: same picture size
    assert _addresses(store) == first
    with store.read() as picture:
        assert picture is None  # what was displayed before the restart is not offered as the picture


def test_a_new_size_gets_new_buffers():
    store, _ = _store(None)
    store.allocate(640, 360)
    store.allocate(1280, 720)
    buffer_id, _ = store.lock()
    store.displayed(buffer_id)
    with store.read() as picture:
        assert picture is not None and picture.shape == (720, 1280, 4)


def test_the_buffer_on_screen_is_never_handed_out_for_writing():
    store, shown = _store()
    store.allocate(1920, 1088)
    on_screen, _ = store.lock()
    store.unlock(on_screen)
    store.displayed(on_screen)
    for _ in range(2 * BUFFERS):
        writing, _ = store.lock()
        assert writing != on_screen
        store.unlock(writing)
    assert shown == [1]
