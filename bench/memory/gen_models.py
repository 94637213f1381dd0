#!/usr/bin/python3
"""Exports the models of the memory benchmark to ONNX.

  /usr/bin/python3 bench/memory/gen_models.py OUTDIR [NAME...]

writes NAME.onnx into OUTDIR (created if missing) for every model below, or
only the NAMEs given. A file that already exists is kept (delete it to
regenerate): the weights are random but seeded, so the files do not change.

  lenet5           LeNet-5, 1x1x32x32
  ds_cnn           MLPerf Tiny v0.5 keyword spotting DS-CNN, 1x1x49x10, 12 classes
  mobilenetv1_025  MLPerf Tiny visual wake words MobileNetV1 0.25, 1x3x96x96, 2 classes
  resnet8          MLPerf Tiny image classification ResNet-8, 1x3x32x32, 10 classes
  autoencoder      MLPerf Tiny anomaly detection (ToyADMOS) FC autoencoder, 1x640
  mobilenetv2      torchvision MobileNetV2, width 1.0, 1x3x224x224, 1000 classes
  resnet18         torchvision ResNet-18, 1x3x224x224, 1000 classes
  mobilenetv2_035  torchvision MobileNetV2, width 0.35, 1x3x96x96, 1000 classes
  inception        an inception-style block (four branches, Pad, AvgPool,
                   Concat), 1x16x20x20
  mlp_softmax      a 3-layer MLP ending in Softmax, 1x64, 10 classes

LeNet-5, ResNet-8 and MobileNetV1 are the classes of
test/Import/ONNX/models/gen_torch_models.py. All models: torch.manual_seed(0),
random batch-norm statistics, eval() mode, opset 13, static batch 1,
BatchNormalization kept as its own node (the compiler fuses it). The
torchvision models need python3-torchvision (Debian package).
"""
import os
import sys
import time
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in test/
sys.path.insert(0, os.path.join(HERE, "..", "..", "test", "Import", "ONNX", "models"))
import gen_torch_models as tm  # noqa: E402  (LeNet5, ResNet8, MobileNetV1)

OPSET = tm.OPSET


class DSCNN(nn.Module):
    """MLPerf Tiny v0.5 keyword spotting DS-CNN (keras_model.py, ds_cnn).

    Keras: Conv2D(64, (10,4), strides 2, 'same') BN ReLU; 4 x [DepthwiseConv2D
    3x3 'same' BN ReLU, Conv2D(64, 1x1) BN ReLU]; AveragePooling2D((24,5));
    Dense(12, softmax). Dropouts are identities at inference. TensorFlow's
    'same' padding of a stride-2 10x4 kernel over 49x10 is 4 rows on top and
    5 below, 1 column on each side: an explicit Pad, as the TFLite model has.
    """

    def __init__(self, filters=64, num_classes=12):
        super().__init__()
        self.pad = nn.ZeroPad2d((1, 1, 4, 5))
        self.conv1 = nn.Conv2d(1, filters, (10, 4), 2)
        self.bn1 = nn.BatchNorm2d(filters)
        blocks = []
        for _ in range(4):
            blocks += [nn.Conv2d(filters, filters, 3, 1, 1, groups=filters),
                       nn.BatchNorm2d(filters), nn.ReLU(),
                       nn.Conv2d(filters, filters, 1),
                       nn.BatchNorm2d(filters), nn.ReLU()]
        self.blocks = nn.Sequential(*blocks)
        self.pool = nn.AvgPool2d((24, 5))  # int(49/2), int(10/2) over 25x5
        self.fc = nn.Linear(filters, num_classes)

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(self.pad(x))))
        x = self.pool(self.blocks(x))
        return F.softmax(self.fc(torch.flatten(x, 1)), dim=1)


class AutoEncoder(nn.Module):
    """MLPerf Tiny anomaly detection (ToyADMOS) dense autoencoder.

    Keras: 4 x [Dense(128) BN ReLU], Dense(8) BN ReLU, 4 x [Dense(128) BN
    ReLU], Dense(640).
    """

    def __init__(self, dim=640, hidden=128, bottleneck=8):
        super().__init__()
        sizes = [dim] + [hidden] * 4 + [bottleneck] + [hidden] * 4
        layers = []
        for cin, cout in zip(sizes, sizes[1:]):
            layers += [nn.Linear(cin, cout), nn.BatchNorm1d(cout), nn.ReLU()]
        layers.append(nn.Linear(hidden, dim))
        self.layers = nn.Sequential(*layers)

    def forward(self, x):
        return self.layers(x)


class Inception(nn.Module):
    """GoogLeNet's inception module, small: 1x1; 1x1 then 3x3; 1x1 then
    5x5 after an explicit asymmetric Pad; 3x3 AvgPool then 1x1; the four
    concatenated on channels, then a stride-2 conv."""

    def __init__(self, cin=16):
        super().__init__()
        self.b1 = nn.Sequential(nn.Conv2d(cin, 8, 1), nn.ReLU())
        self.b2 = nn.Sequential(nn.Conv2d(cin, 6, 1), nn.ReLU(),
                                nn.Conv2d(6, 12, 3, padding=1), nn.BatchNorm2d(12),
                                nn.ReLU())
        self.b3_reduce = nn.Sequential(nn.Conv2d(cin, 4, 1), nn.ReLU())
        self.b3 = nn.Conv2d(4, 6, 5)
        self.b4 = nn.Sequential(nn.AvgPool2d(3, stride=1, padding=1,
                                             count_include_pad=False),
                                nn.Conv2d(cin, 6, 1), nn.Sigmoid())
        self.out = nn.Conv2d(32, 16, 3, stride=2, padding=1)

    def forward(self, x):
        b3 = self.b3(F.pad(self.b3_reduce(x), (2, 2, 1, 3)))[:, :, :20, :]
        y = torch.cat([self.b1(x), self.b2(x), b3, self.b4(x)], dim=1)
        return self.out(y)


class MLPSoftmax(nn.Module):
    """Linear-ReLU x2, Linear, Softmax over the classes."""

    def __init__(self, dim=64, hidden=48, classes=10):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(dim, hidden), nn.ReLU(),
                                    nn.Linear(hidden, hidden), nn.ReLU(),
                                    nn.Linear(hidden, classes), nn.Softmax(dim=1))

    def forward(self, x):
        return self.layers(x)


def mobilenetv2_035():
    import torchvision
    return torchvision.models.mobilenet_v2(weights=None, width_mult=0.35)


def mobilenetv2():
    import torchvision
    return torchvision.models.mobilenet_v2(weights=None, width_mult=1.0)


def resnet18():
    import torchvision
    return torchvision.models.resnet18(weights=None)


# name, constructor, input shape
MODELS = [
    ("lenet5", tm.LeNet5, [1, 1, 32, 32]),
    ("ds_cnn", DSCNN, [1, 1, 49, 10]),
    ("mobilenetv1_025", tm.MobileNetV1, [1, 3, 96, 96]),
    ("resnet8", tm.ResNet8, [1, 3, 32, 32]),
    ("autoencoder", AutoEncoder, [1, 640]),
    ("mobilenetv2", mobilenetv2, [1, 3, 224, 224]),
    ("resnet18", resnet18, [1, 3, 224, 224]),
    ("mobilenetv2_035", mobilenetv2_035, [1, 3, 96, 96]),
    ("inception", Inception, [1, 16, 20, 20]),
    ("mlp_softmax", MLPSoftmax, [1, 64]),
]
NAMES = [name for name, _, _ in MODELS]


def randomize_bn(model):
    """gen_torch_models.randomize_bn (BatchNorm2d), plus BatchNorm1d."""
    tm.randomize_bn(model)
    g = torch.Generator().manual_seed(2)
    for m in model.modules():
        if isinstance(m, nn.BatchNorm1d):
            n = m.num_features
            m.weight.data = 1.0 + 0.1 * torch.randn(n, generator=g)
            m.bias.data = 0.05 * torch.randn(n, generator=g)
            m.running_mean = 0.1 * torch.randn(n, generator=g)
            m.running_var = 0.5 + torch.rand(n, generator=g)


def export(name, make, shape, path):
    torch.manual_seed(0)
    model = make()
    randomize_bn(model)
    model.eval()
    tmp = path + ".tmp"
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        torch.onnx.export(model, torch.randn(*shape), tmp, opset_version=OPSET,
                          do_constant_folding=False, input_names=["input"],
                          output_names=["output"],
                          training=torch.onnx.TrainingMode.PRESERVE)
    os.replace(tmp, path)  # never leave a half-written file to be cached


def generate(outdir, names=None, log=print):
    """Writes the missing models; returns {name: path}."""
    os.makedirs(outdir, exist_ok=True)
    torch.set_num_threads(1)
    paths = {}
    for name, make, shape in MODELS:
        if names and name not in names:
            continue
        path = os.path.join(outdir, name + ".onnx")
        paths[name] = path
        if os.path.exists(path):
            continue
        start = time.perf_counter()
        export(name, make, shape, path)
        log(f"{path}  ({os.path.getsize(path)} bytes, "
            f"{time.perf_counter() - start:.1f} s)")
    return paths


def main():
    if len(sys.argv) < 2:
        sys.exit(f"usage: {sys.argv[0]} OUTDIR [{'|'.join(NAMES)}...]")
    unknown = [n for n in sys.argv[2:] if n not in NAMES]
    if unknown:
        sys.exit(f"unknown model(s): {' '.join(unknown)}; known: {' '.join(NAMES)}")
    generate(sys.argv[1], sys.argv[2:])


if __name__ == "__main__":
    main()
