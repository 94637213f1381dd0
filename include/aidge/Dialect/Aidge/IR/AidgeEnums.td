//===- AidgeEnums.td - Enumerated operator attributes ------*- tablegen -*-===//

#ifndef AIDGE_DIALECT_AIDGE_IR_AIDGEENUMS_TD
#define AIDGE_DIALECT_AIDGE_IR_AIDGEENUMS_TD

include "aidge/Dialect/Aidge/IR/AidgeDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

def Aidge_PadMode : I32EnumAttr<"PadMode", "padding mode of aidge.pad", [
    I32EnumAttrCase<"constant", 0>,
    I32EnumAttrCase<"reflect", 1>,
    I32EnumAttrCase<"edge", 2>]> {
  let cppNamespace = "::mlir::aidge";
  let genSpecializedAttr = 0;
}
def Aidge_PadModeAttr : EnumAttr<Aidge_Dialect, Aidge_PadMode, "pad_mode">;

def Aidge_ResizeMode : I32EnumAttr<"ResizeMode", "interpolation of aidge.resize", [
    I32EnumAttrCase<"nearest", 0>,
    I32EnumAttrCase<"linear", 1>,
    I32EnumAttrCase<"cubic", 2>]> {
  let cppNamespace = "::mlir::aidge";
  let genSpecializedAttr = 0;
}
def Aidge_ResizeModeAttr : EnumAttr<Aidge_Dialect, Aidge_ResizeMode, "resize_mode">;

def Aidge_CoordinateTransform : I32EnumAttr<"CoordinateTransform",
    "how aidge.resize maps output coordinates to input coordinates", [
    I32EnumAttrCase<"half_pixel", 0>,
    I32EnumAttrCase<"pytorch_half_pixel", 1>,
    I32EnumAttrCase<"align_corners", 2>,
    I32EnumAttrCase<"asymmetric", 3>,
    I32EnumAttrCase<"half_pixel_symmetric", 4>,
    I32EnumAttrCase<"tf_half_pixel_for_nn", 5>,
    I32EnumAttrCase<"tf_crop_and_resize", 6>]> {
  let cppNamespace = "::mlir::aidge";
  let genSpecializedAttr = 0;
}
def Aidge_CoordinateTransformAttr
    : EnumAttr<Aidge_Dialect, Aidge_CoordinateTransform, "coordinate_transform">;

def Aidge_NearestMode : I32EnumAttr<"NearestMode",
    "rounding of aidge.resize in nearest mode", [
    I32EnumAttrCase<"round_prefer_floor", 0>,
    I32EnumAttrCase<"round_prefer_ceil", 1>,
    I32EnumAttrCase<"floor", 2>,
    I32EnumAttrCase<"ceil", 3>]> {
  let cppNamespace = "::mlir::aidge";
  let genSpecializedAttr = 0;
}
def Aidge_NearestModeAttr : EnumAttr<Aidge_Dialect, Aidge_NearestMode, "nearest_mode">;

#endif // AIDGE_DIALECT_AIDGE_IR_AIDGEENUMS_TD
