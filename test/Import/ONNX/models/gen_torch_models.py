#!/usr/bin/python3
"""Exports small random-weight PyTorch models to ONNX, for the importer tests.

  /usr/bin/python3 gen_torch_models.py OUTDIR

writes into OUTDIR (created if missing):
  lenet5.onnx           LeNet-5, 1x1x32x32; flattens with x.view(x.size(0), -1),
                        so the graph keeps a Shape->Gather->Unsqueeze->Concat->Reshape
                        subgraph
  resnet8.onnx          MLPerf Tiny ResNet-8 (CIFAR-10), 1x3x32x32
  mobilenetv1_025.onnx  MobileNetV1 alpha 0.25 (MLPerf Tiny visual wake words),
                        1x3x96x96, 2 classes

torch.manual_seed(0), eval() mode, opset 13, do_constant_folding=False (so
shape subgraphs stay in the graph), BatchNormalization kept as its own node
(not folded into Conv), static input shapes. Run with /usr/bin/python3 (it has torch).
"""
import os
import sys
import warnings

import onnx
import torch
import torch.nn as nn
import torch.nn.functional as F

OPSET = 13


class LeNet5(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.pool1 = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.pool2 = nn.AvgPool2d(2)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool1(F.relu(self.conv1(x)))
        x = self.pool2(F.relu(self.conv2(x)))
        x = x.view(x.size(0), -1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


class ResidualStack(nn.Module):
    """MLPerf Tiny ResNet-8 stack: conv-bn-relu, conv-bn, + shortcut, relu."""

    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1)
        self.bn2 = nn.BatchNorm2d(cout)
        self.shortcut = (nn.Conv2d(cin, cout, 1, stride)
                         if stride != 1 or cin != cout else nn.Identity())

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        return F.relu(y + self.shortcut(x))


class ResNet8(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.conv = nn.Conv2d(3, 16, 3, 1, 1)
        self.bn = nn.BatchNorm2d(16)
        self.stack1 = ResidualStack(16, 16, 1)
        self.stack2 = ResidualStack(16, 32, 2)
        self.stack3 = ResidualStack(32, 64, 2)
        self.pool = nn.AvgPool2d(8)
        self.fc = nn.Linear(64, num_classes)

    def forward(self, x):
        x = F.relu(self.bn(self.conv(x)))
        x = self.stack3(self.stack2(self.stack1(x)))
        x = torch.flatten(self.pool(x), 1)
        return self.fc(x)


def conv_bn_relu(cin, cout, stride, groups=1, kernel=3):
    return nn.Sequential(
        nn.Conv2d(cin, cout, kernel, stride, kernel // 2, groups=groups, bias=False),
        nn.BatchNorm2d(cout), nn.ReLU())


class MobileNetV1(nn.Module):
    """MobileNetV1 as in the MLPerf Tiny visual wake words reference."""

    CFG = [(64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2),
           (512, 1), (512, 1), (512, 1), (512, 1), (512, 1), (1024, 2), (1024, 1)]

    def __init__(self, alpha=0.25, num_classes=2):
        super().__init__()
        c = int(32 * alpha)
        layers = [conv_bn_relu(3, c, 2)]
        for filters, stride in self.CFG:
            out = int(filters * alpha)
            layers.append(conv_bn_relu(c, c, stride, groups=c))   # depthwise
            layers.append(conv_bn_relu(c, out, 1, kernel=1))      # pointwise
            c = out
        self.features = nn.Sequential(*layers)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(c, num_classes)

    def forward(self, x):
        x = self.pool(self.features(x))
        x = torch.flatten(x, 1)
        return F.softmax(self.fc(x), dim=1)


def randomize_bn(model):
    """Plausible running statistics instead of the 0/1 defaults."""
    g = torch.Generator().manual_seed(1)
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            n = m.num_features
            m.weight.data = 1.0 + 0.1 * torch.randn(n, generator=g)
            m.bias.data = 0.05 * torch.randn(n, generator=g)
            m.running_mean = 0.1 * torch.randn(n, generator=g)
            m.running_var = 0.5 + torch.rand(n, generator=g)


# name, class, input shape, export with a symbolic batch and fix it back to 1
# afterwards. With a static input shape the exporter's shape inference folds
# x.size(0) into a constant; with a symbolic batch it keeps Shape->Gather.
MODELS = [
    ("lenet5", LeNet5, [1, 1, 32, 32], True),
    ("resnet8", ResNet8, [1, 3, 32, 32], False),
    ("mobilenetv1_025", MobileNetV1, [1, 3, 96, 96], False),
]


def fix_batch(path, batch):
    """Replaces the symbolic batch dimension by `batch` everywhere."""
    model = onnx.load(path)
    for vi in list(model.graph.input) + list(model.graph.output) + list(model.graph.value_info):
        for dim in vi.type.tensor_type.shape.dim:
            if dim.dim_param == "batch":
                dim.dim_value = batch
    onnx.checker.check_model(model)
    onnx.save(model, path)


def main():
    if len(sys.argv) != 2:
        sys.exit(f"usage: {sys.argv[0]} OUTDIR")
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    torch.set_num_threads(1)
    for name, cls, shape, dynamic_batch in MODELS:
        torch.manual_seed(0)
        model = cls()
        randomize_bn(model)
        model.eval()
        path = os.path.join(outdir, name + ".onnx")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(model, torch.randn(*shape), path, opset_version=OPSET,
                              do_constant_folding=False, input_names=["input"],
                              output_names=["output"],
                              # EVAL would fold BatchNormalization into Conv;
                              # PRESERVE keeps it (in inference mode: eval()).
                              training=torch.onnx.TrainingMode.PRESERVE,
                              dynamic_axes=({"input": {0: "batch"}, "output": {0: "batch"}}
                                            if dynamic_batch else None))
        if dynamic_batch:
            fix_batch(path, shape[0])
        print(f"{path}  ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    main()
