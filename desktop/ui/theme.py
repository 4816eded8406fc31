"""Light and dark palettes and the few style rules that make Clearstone look like one tool."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

VERDICT_COLOURS = {
    "cleared": ("#1a7f37", "#e7f5ea"),
    "needs_evidence": ("#9a6700", "#fff4d6"),
    "review": ("#8250df", "#f1eafe"),
    "blocked": ("#cf222e", "#fde8e8"),
    "note": ("#57606a", "#eaeef2"),
}

_LIGHT = {
    QPalette.ColorRole.Window: "#f4f5f7",
    QPalette.ColorRole.WindowText: "#1f2328",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#f6f8fa",
    QPalette.ColorRole.Text: "#1f2328",
    QPalette.ColorRole.Button: "#ffffff",
    QPalette.ColorRole.ButtonText: "#1f2328",
    QPalette.ColorRole.Highlight: "#1f6feb",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#ffffff",
    QPalette.ColorRole.ToolTipText: "#1f2328",
    QPalette.ColorRole.PlaceholderText: "#6e7781",
    QPalette.ColorRole.Link: "#0969da",
    QPalette.ColorRole.Mid: "#d0d7de",
}

_DARK = {
    QPalette.ColorRole.Window: "#1e2024",
    QPalette.ColorRole.WindowText: "#e6edf3",
    QPalette.ColorRole.Base: "#272a30",
    QPalette.ColorRole.AlternateBase: "#2d3137",
    QPalette.ColorRole.Text: "#e6edf3",
    QPalette.ColorRole.Button: "#2d3137",
    QPalette.ColorRole.ButtonText: "#e6edf3",
    QPalette.ColorRole.Highlight: "#388bfd",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#2d3137",
    QPalette.ColorRole.ToolTipText: "#e6edf3",
    QPalette.ColorRole.PlaceholderText: "#8b949e",
    QPalette.ColorRole.Link: "#58a6ff",
    QPalette.ColorRole.Mid: "#444c56",
}

STYLE = """
QLabel#pageTitle { font-size: 17pt; font-weight: 600; }
QLabel#pageHint { color: palette(placeholder-text); }
QLabel#sectionTitle { font-weight: 600; font-size: 11pt; margin-top: 6px; }
QLabel#problem { color: #cf222e; }
QLabel#columnHeader { font-weight: 600; color: palette(placeholder-text); }
QGroupBox { font-weight: 600; margin-top: 14px; padding-top: 6px; border: 1px solid palette(mid); border-radius: 6px; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; }
QGroupBox QLabel, QGroupBox QCheckBox, QGroupBox QLineEdit, QGroupBox QComboBox, QGroupBox QPushButton,
QGroupBox QSpinBox, QGroupBox QListWidget { font-weight: normal; }
QLabel#fieldError { color: #cf222e; font-size: 9pt; }
QFrame#banner { background: #fff4d6; border: 1px solid #e3b341; border-radius: 6px; }
QFrame#banner QLabel { color: #5c3c00; }
QFrame#statusStrip { border-top: 1px solid palette(mid); }
QListWidget#stepList { border: none; background: transparent; font-size: 10.5pt; outline: none; }
QListWidget#stepList::item { padding: 8px 10px; border-radius: 6px; margin: 1px 4px; }
QListWidget#stepList::item:selected { background: palette(highlight); color: palette(highlighted-text); }
QFrame#card { background: palette(base); border: 1px solid palette(mid); border-radius: 8px; }
QPushButton { padding: 5px 14px; }
QPushButton#primary { background: palette(highlight); color: palette(highlighted-text); border-radius: 5px;
  padding: 6px 18px; font-weight: 600; border: 1px solid palette(highlight); }
QPushButton#primary:disabled { background: palette(mid); border-color: palette(mid); }
QLabel#verdict { border-radius: 10px; padding: 2px 10px; font-weight: 600; }
"""


def scheme_is_dark(choice: str) -> bool:
    if choice == "dark":
        return True
    if choice == "light":
        return False
    # The system palette's window colour says whether the desktop is dark. (Asking styleHints().colorScheme()
    # returns a Qt.ColorScheme, and the first Qt-namespace enum costs ~0.1 s of start-up: widgets.START_UP_NOTE.)
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def apply_theme(app: QApplication, choice: str = "system") -> None:
    """Fusion everywhere (the same look on every OS) with our palette; honours the system's dark mode."""
    app.setStyle("Fusion")
    colours = _DARK if scheme_is_dark(choice) else _LIGHT
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(
            QPalette.ColorGroup.Disabled, role, QColor(colours[QPalette.ColorRole.PlaceholderText])
        )
    app.setPalette(palette)
    app.setStyleSheet(STYLE)


def verdict_style(verdict: str) -> str:
    fg, bg = VERDICT_COLOURS.get(verdict, ("#1f2328", "#eaeef2"))
    return f"color: {fg}; background: {bg};"
