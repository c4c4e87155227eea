import pyxjs as rx

GENRES = ["novel", "poetry", "history", "science"]


class ShelfState(rx.State):
    books: list[dict] = [
        {"title": "The Dispossessed", "author": "Ursula K. Le Guin", "genre": "novel", "read": True},
        {"title": "Leaves of Grass", "author": "Walt Whitman", "genre": "poetry", "read": False},
        {"title": "SPQR", "author": "Mary Beard", "genre": "history", "read": False},
    ]
    genre_filter: str = "all"
    last_added: str = ""

    @rx.var
    def unread_count(self) -> int:
        return len([book for book in self.books if not book["read"]])

    @rx.var
    def shown_books(self) -> list[dict]:
        if self.genre_filter == "all":
            return self.books
        return [book for book in self.books if book["genre"] == self.genre_filter]

    def set_genre_filter(self, genre: str):
        self.genre_filter = genre

    def toggle_read(self, title: str):
        for book in self.books:
            if book["title"] == title:
                book["read"] = not book["read"]

    def add_book(self, form_data: dict):
        title = form_data.get("title", "").strip()
        if not title:
            return rx.toast.error("A book needs a title")
        self.books.append({"title": title, "author": form_data.get("author", "").strip() or "unknown",
                           "genre": form_data.get("genre") or "novel", "read": False})
        self.last_added = title
        return rx.redirect("/")
