PAGE_WIDTH = "42em"

card_style = {
    "padding": "0.75em 1em",
    "border_radius": "10px",
    "border": "1px solid var(--gray-a5)",
    "_hover": {"border_color": "var(--accent-8)"},
}

nav_link_style = {"font_weight": "500", "margin_right": "1em"}
