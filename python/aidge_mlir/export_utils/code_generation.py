"""Jinja2 rendering and file copies for the export (aidge_core's
``export_utils.code_generation``)."""

import shutil
from pathlib import Path
from typing import Union

import jinja2


def generate_str(template_path: Union[str, Path], **kwargs) -> str:
    """``template_path`` rendered with ``kwargs``. Undefined names are errors,
    so a template never silently emits an empty value."""
    path = Path(template_path)
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(path.parent)),
                                     undefined=jinja2.StrictUndefined,
                                     keep_trailing_newline=True)
    return environment.get_template(path.name).render(**kwargs)


def generate_file(file_path: Union[str, Path], template_path: Union[str, Path], **kwargs) -> None:
    """Writes ``template_path`` rendered with ``kwargs`` to ``file_path``."""
    text = generate_str(template_path, **kwargs)
    Path(file_path).parent.mkdir(parents=True, exist_ok=True)
    Path(file_path).write_text(text)


def copy_file(file_path: Union[str, Path], dest_dir: Union[str, Path]) -> None:
    """Copies ``file_path`` into the directory ``dest_dir``."""
    Path(dest_dir).mkdir(parents=True, exist_ok=True)
    shutil.copy(str(file_path), str(dest_dir))
