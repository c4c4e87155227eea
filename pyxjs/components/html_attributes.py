"""The HTML attributes a core component passes on to its element, in Python's spelling
(`tab_index` -> `tabIndex`, `html_for` -> `htmlFor`). A prop that is none of these, nor the
component's own, nor a CSS property, nor `aria_*`/`data_*`, is a build error naming the closest
valid prop; `custom_attrs={"name": value}` passes any other attribute as it is spelled."""

from __future__ import annotations

HTML_ATTRIBUTES = frozenset("""
    access_key auto_capitalize auto_focus content_editable dir draggable enter_key_hint hidden inert
    input_mode item_id item_prop item_ref item_scope item_type lang nonce part popover role slot spell_check
    tab_index title translate
    accept accept_charset action alt auto_complete capture checked cols default_checked default_value dir_name
    disabled enc_type form form_action form_enc_type form_method form_no_validate form_target html_for list max
    max_length method min min_length multiple name no_validate pattern placeholder read_only required rows
    selected size step type value wrap
    download href href_lang media ping referrer_policy rel target src src_set srcset sizes cross_origin decoding
    loading fetch_priority width height poster preload auto_play controls loop muted plays_inline use_map is_map
    col_span row_span headers scope span open date_time cite label high low optimum start reversed summary abbr
    shape coords sandbox allow allow_full_screen src_doc async defer char_set content http_equiv
    weight p px py pt pr pb pl m mx my mt mr mb ml
""".split())
# The last line: Radix's own props that many parts take (text weight, margin/padding steps).
