import pyxjs as rx

from tasks.state import BoardState


def task_card(task: dict) -> rx.Component:
    return rx.hstack(
        rx.text(task["text"], class_name="task-text"),
        rx.spacer(),
        rx.cond(
            task["column"] != "done",
            rx.icon_button(rx.icon("arrow-right"), size="1", on_click=BoardState.advance(task["id"]),
                           class_name="advance"),
        ),
        class_name="task-card",
        width="100%",
    )


def column(name: str) -> rx.Component:
    return rx.vstack(
        rx.heading(name.title(), size="3"),
        rx.foreach(BoardState.tasks, lambda task: rx.cond(task["column"] == name, task_card(task))),
        id=f"column-{name}",
        width="100%",
    )
