"""Element types: Aidge's names and their C++ spellings (aidge_core's
``export_utils.data_conversion``)."""

from typing import Dict

#: Aidge dtype name -> C++ type, as aidge_core's ``datatype_converter_aidge2c``.
datatype_converter_aidge2c: Dict[str, str] = {
    "float64": "double",
    "float32": "float",
    "float16": "half_float::half",
    "int8": "int8_t",
    "int16": "int16_t",
    "int32": "int32_t",
    "int64": "int64_t",
    "uint8": "uint8_t",
    "uint16": "uint16_t",
    "uint32": "uint32_t",
    "uint64": "uint64_t",
}


def aidge2c(datatype: str) -> str:
    """The C++ type of an Aidge dtype name."""
    return aidge2export_type(datatype)


def aidge2export_type(datatype: str,
                      conversion_map: Dict[str, str] = datatype_converter_aidge2c) -> str:
    """The export's type for ``datatype``, as ``conversion_map`` says."""
    if datatype not in conversion_map:
        raise ValueError(f"unsupported type conversion of Aidge dtype '{datatype}' for export")
    return conversion_map[datatype]
