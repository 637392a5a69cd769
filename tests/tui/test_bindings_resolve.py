"""Every key's action names a method that exists and takes the binding's parameters: Textual looks
actions up by name when the key is pressed and does nothing (silently) for a name it cannot find."""

from __future__ import annotations

import inspect

import pytest
from textual.actions import parse
from textual.binding import Binding

from annotator.tui.dialogs.choice_dialog import ChoiceDialog
from annotator.tui.dialogs.confirm_dialog import ConfirmDialog
from annotator.tui.dialogs.help import HelpScreen
from annotator.tui.screens.annotate import AnnotateScreen
from annotator.tui.screens.document_screen import DocumentScreen
from annotator.tui.screens.review import ReviewEditor, ReviewScreen
from annotator.tui.widgets.document_editor import DocumentEditor

from tests.tui.conftest import SEED_PRELABELED, SIZE, ready

OWNERS = (AnnotateScreen, ReviewScreen, DocumentEditor, ReviewEditor, HelpScreen, ConfirmDialog, ChoiceDialog)


def declared(owner: type) -> list[Binding]:
    return [b for cls in owner.__mro__ for b in cls.__dict__.get("BINDINGS", ()) if isinstance(b, Binding)]


def action_of(owner: type, binding: Binding):
    namespace, name, parameters = parse(binding.action)
    assert namespace in ("", "app", "screen"), binding
    if namespace == "app":
        from textual.app import App

        owner = App
    method = getattr(owner, f"_action_{name}", None) or getattr(owner, f"action_{name}", None)
    return method, parameters


@pytest.mark.parametrize("owner", OWNERS, ids=lambda cls: cls.__name__)
def test_every_binding_names_an_action_that_takes_its_parameters(owner):
    for binding in declared(owner):
        method, parameters = action_of(owner, binding)
        assert callable(method), f"{owner.__name__}: {binding.action!r} ({binding.id}) has no action method"
        routes = getattr(method, "routes_to", None)
        target, fixed = (routes[1], routes[2]) if routes else (method, {})
        # Textual passes the parameters positionally; the method must take exactly those.
        inspect.signature(target).bind(None, *parameters, **fixed)


def test_a_binding_that_names_no_method_is_caught():
    method, _ = action_of(AnnotateScreen, Binding("z", "no_such_action", "Nothing"))
    assert method is None
    routed = AnnotateScreen.action_move_start.routes_to
    with pytest.raises(TypeError):
        inspect.signature(routed[1]).bind(None, 1, 2)


async def test_every_routed_action_reaches_a_method_of_its_owner(make_app):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        routed = {name: action.routes_to for name, action in vars(DocumentScreen).items()
                  if name.startswith("action_") and hasattr(action, "routes_to")}
        assert {"action_decide", "action_undo", "action_pick_speaker"} <= set(routed)
        for name, (owner, method, _fixed) in routed.items():
            owner_object = getattr(screen, owner)
            # The method named is the owner's (or its subclass's), not a namesake on another object.
            assert method.__qualname__.split(".")[0] in {c.__name__ for c in type(owner_object).__mro__}, name
            assert callable(getattr(owner_object, method.__name__)), name


async def test_routed_keys_act_through_their_owner(make_app, tmp_path):
    """A routed action does what the owner's method does: d deletes the focused span, u brings it back."""
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("tab")
        await pilot.pause()
        focused = screen.editor.focused
        assert focused is not None
        before = len(screen.session.task.spans)
        await pilot.press("d")
        await pilot.pause()
        assert len(screen.session.task.spans) < before
        await pilot.press("u")
        await pilot.pause()
        assert len(screen.session.task.spans) == before
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert len(screen.session.task.spans) < before


@pytest.mark.parametrize("screen, editor", [(AnnotateScreen, DocumentEditor), (ReviewScreen, ReviewEditor)],
                         ids=["annotate", "review"])
def test_a_screen_and_its_editor_share_no_binding_id_and_no_key(screen, editor):
    """The screen's keys and the editor's are two tables (each on its owner, as Textual looks them
    up) but one keymap: an id or key in both would make a remap or a key press ambiguous."""

    def in_force(owner: type) -> dict[str, Binding]:
        found: dict[str, Binding] = {}
        for cls in owner.__mro__:  # subclass first: its version of an id is the one in force
            if cls.__module__.startswith("annotator."):  # ours, not Textual's (Screen's tab moves focus)
                for binding in cls.__dict__.get("BINDINGS", ()):
                    found.setdefault(binding.id, binding)
        return found

    ours, theirs = in_force(screen), in_force(editor)
    assert None not in ours and None not in theirs  # every key of ours has an id, for a keymap
    assert not set(ours) & set(theirs)

    def keys(bindings: dict[str, Binding]) -> set[str]:
        return {key.strip() for b in bindings.values() for key in b.key.split(",")}

    assert not keys(ours) & keys(theirs)
