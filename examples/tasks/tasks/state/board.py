import pyxjs as rx

from .base import AppState

COLUMNS = ["todo", "doing", "done"]


class BoardState(AppState):
    tasks: list[dict] = [{"id": 1, "text": "Write the README", "column": "doing"}]
    next_id: int = 2
    visits: int = 0

    @rx.var
    def open_count(self) -> int:
        return len([task for task in self.tasks if task["column"] != "done"])

    def load(self):
        self.visits += 1

    def add_task(self, form_data: dict):
        text = form_data.get("text", "").strip()
        if text:
            self.tasks.append({"id": self.next_id, "text": f"{text} ({self.user})", "column": "todo"})
            self.next_id += 1

    def advance(self, task_id: int):
        for task in self.tasks:
            if task["id"] == task_id and task["column"] != COLUMNS[-1]:
                task["column"] = COLUMNS[COLUMNS.index(task["column"]) + 1]
