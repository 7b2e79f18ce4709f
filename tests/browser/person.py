"""A person at the browser: with the mouse, or with the keyboard alone.

The journeys are written once against `Person` and run twice: once clicking and filling in as
most people do, once with the keyboard only, as someone who cannot use a mouse works: Tab to
move, Enter to follow a link, Space to press a button or open the file picker, and typing into
fields. A control that Tab does not reach fails the keyboard run.
"""

from pathlib import Path

from playwright.sync_api import Locator, Page

MAX_TABS = 400  # more than any page has focusable elements, so focus wraps at most once


class Person:
    def __init__(self, page: Page, *, keyboard_only: bool):
        self.page = page
        self.keyboard_only = keyboard_only

    def log_in(self, username: str, password: str = "demo") -> None:
        self.page.goto("/inloggen/")
        self.type_into(self.page.get_by_label("Gebruikersnaam"), username)
        self.type_into(self.page.get_by_label("Wachtwoord"), password)
        self.activate(self.page.get_by_role("button", name="Inloggen"))

    def activate(self, target: Locator) -> None:
        """Follow a link or press a button, and wait for the page it leads to."""
        with self.page.expect_navigation():
            self._press(target)

    def type_into(self, field: Locator, text: str) -> None:
        """Replace what the field holds by `text`."""
        if self.keyboard_only:
            self.focus(field)
            self.page.keyboard.press("Control+A")
            self.page.keyboard.type(text)
        else:
            field.fill(text)

    def choose(self, select: Locator, label: str) -> None:
        """Pick the option `label` of a select: with the keyboard, by typing its first letters
        into the focused list, as people do."""
        if not self.keyboard_only:
            select.select_option(label=label)
            return
        self.focus(select)
        self.page.keyboard.type(label, delay=20)
        chosen = select.evaluate("s => s.options[s.selectedIndex].text.trim()")
        assert chosen == label, f"Met het toetsenbord gekozen: {chosen!r}, niet {label!r}"

    def check(self, box: Locator, aan: bool = True) -> None:
        """Tick (or untick) a checkbox: Space on it."""
        if box.is_checked() == aan:
            return
        if self.keyboard_only:
            self.focus(box)
            self.page.keyboard.press("Space")
        else:
            box.click()
        assert box.is_checked() == aan

    def download(self, link: Locator, folder: Path) -> Path:
        """Follow a download link; the file, saved under the name the server gave it."""
        with self.page.expect_download() as info:
            self._press(link)
        path = folder / info.value.suggested_filename
        info.value.save_as(path)
        return path

    def choose_file(self, field: Locator, path: Path) -> None:
        """Open the file picker of a file field and pick `path` in it."""
        with self.page.expect_file_chooser() as chooser:
            self._press(field)
        chooser.value.set_files(path)

    def focus(self, target: Locator) -> None:
        """Tab forward until `target` has the focus."""
        target.wait_for()
        for _ in range(MAX_TABS):
            self.page.keyboard.press("Tab")
            if target.evaluate("element => element === document.activeElement"):
                return
        raise AssertionError(f"Met Tab niet te bereiken: {target}")

    def _press(self, target: Locator) -> None:
        if not self.keyboard_only:
            target.click()
            return
        self.focus(target)
        is_link = target.evaluate("element => element.tagName === 'A'")
        self.page.keyboard.press("Enter" if is_link else "Space")
