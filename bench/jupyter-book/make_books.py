"""Writes one synthetic book in two forms, for bench/against-jupyter-book.sh.

17 chapters × 6 cells, each chapter with a few paragraphs and one display formula. The
cells do the same small computation in each form: Python cells in MyST Markdown notebooks
for Jupyter Book 1, Swift cells in chapters for rlbook.

Usage: make_books.py FOLDER   (writes FOLDER/jupyter-book and FOLDER/rlbook)
"""

import pathlib
import sys

CHAPTERS = 17
CELLS = 6

PROSE = (
    "This paragraph stands for the prose of a chapter: a question, the idea in plain "
    "words, and what the cells below measure. It is long enough to be a real paragraph, "
    "so that rendering it costs what prose costs.\n\n"
)


def python_cell(chapter: int, cell: int) -> str:
    n = 1000 * (cell + 1) + chapter
    return f"total = sum(i * i for i in range({n}))\nprint('chapter {chapter} cell {cell}:', total)\n"


def swift_cell(chapter: int, cell: int) -> str:
    n = 1000 * (cell + 1) + chapter
    return (
        f"var total{cell} = 0\nfor i in 0..<{n} {{ total{cell} += i * i }}\n"
        f'print("chapter {chapter} cell {cell}:", total{cell})\n'
    )


FORMULA = "$$\nG_t = \\sum_{k=0}^{\\infty} \\gamma^k r_{t+k+1}\n$$\n\n"


def write_jupyter_book(root: pathlib.Path) -> None:
    root.mkdir(parents=True)
    (root / "_config.yml").write_text(
        "title: Synthetic book\nauthor: Benchmark\n"
        "execute:\n  execute_notebooks: cache\n  timeout: 120\n"
        "sphinx:\n  config:\n    html_show_copyright: false\n"
    )
    toc = ["format: jb-book", "root: intro", "chapters:"]
    (root / "intro.md").write_text("# Synthetic book\n\n" + PROSE)
    for c in range(1, CHAPTERS + 1):
        name = f"chapter{c:02d}"
        toc.append(f"- file: {name}")
        body = [
            "---\njupytext:\n  text_representation:\n    format_name: myst\n"
            "kernelspec:\n  display_name: Python 3\n  name: python3\n---\n\n",
            f"# Chapter {c}\n\n",
            PROSE,
            FORMULA,
        ]
        for k in range(CELLS):
            body.append(f"```{{code-cell}} python3\n{python_cell(c, k)}```\n\n")
            body.append(PROSE)
        (root / f"{name}.md").write_text("".join(body))
    (root / "_toc.yml").write_text("\n".join(toc) + "\n")


def write_rlbook(root: pathlib.Path) -> None:
    (root / "chapters").mkdir(parents=True)
    names = []
    for c in range(1, CHAPTERS + 1):
        name = f"{c:02d}-chapter.md"
        names.append(f'"{name}"')
        body = [f"# Chapter {c}\n\n", PROSE, FORMULA]
        for k in range(CELLS):
            body.append(f"```swift\n{swift_cell(c, k)}```\n\n")
            body.append(PROSE)
        (root / "chapters" / name).write_text("".join(body))
    (root / "book.toml").write_text(
        '[book]\ntitle = "Synthetic book"\nauthors = []\nlanguage = "en"\n\n'
        f'[[part]]\nname = "Chapters"\nchapters = [{", ".join(names)}]\n\n'
        '[site]\nfolder = "site"\n'
    )


if __name__ == "__main__":
    folder = pathlib.Path(sys.argv[1])
    write_jupyter_book(folder / "jupyter-book")
    write_rlbook(folder / "rlbook")
