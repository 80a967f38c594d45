"""Executes notebooks with nbclient (the library behind `jupyter nbconvert --execute` and papermill)
in the kernel named `.net-csharp`, as JupyterLab or VS Code's Jupyter extension would, and checks
what a student would see: no error output, valid nbformat, and every CourseKit progress bar stored
once, at 100%.

usage: execute_notebooks.py OUT_DIR NOTEBOOK.ipynb...   (exit 1 when a check fails)
"""

import os
import re
import sys
import time

import nbclient
import nbformat

PROGRESS = re.compile(r"\((\d+)%\)")


def problems_in(notebook):
    found = []
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        bars = []
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                found.append(f"cell {index}: {output.ename}: {output.evalue}")
            html = output.get("data", {}).get("text/html", "")
            if "coursekit-progress" in html:
                bars.append(output["data"]["text/plain"])
        if bars and len(bars) != len(set(bars)):
            found.append(f"cell {index}: a progress bar is stored more than once: {bars}")
        for bar in bars:
            percent = PROGRESS.search(bar)
            if not percent or percent.group(1) != "100":
                found.append(f"cell {index}: a progress bar is stored short of 100%: {bar}")
    return found


def main(out_dir, paths):
    os.makedirs(out_dir, exist_ok=True)
    failed = 0
    for path in paths:
        started = time.monotonic()
        notebook = nbformat.read(path, as_version=4)
        client = nbclient.NotebookClient(
            notebook, kernel_name=".net-csharp", timeout=900, startup_timeout=180,
            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
        problems = []
        try:
            client.execute()
        except nbclient.exceptions.CellExecutionError as error:
            problems.append(str(error).strip().splitlines()[-1])
        problems += problems_in(notebook)
        target = os.path.join(out_dir, os.path.basename(path))
        nbformat.write(notebook, target)
        try:
            nbformat.validate(nbformat.read(target, as_version=4))
        except nbformat.ValidationError as error:
            problems.append(f"not valid nbformat: {error.message}")
        seconds = time.monotonic() - started
        print(f"nbclient: {os.path.basename(path)}: {'ok' if not problems else 'FAILED'} in {seconds:.1f} s", flush=True)
        for problem in problems:
            print(f"  {problem}", flush=True)
        failed += bool(problems)
    print(f"nbclient: {len(paths) - failed} of {len(paths)} notebooks ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
