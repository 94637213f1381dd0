//===- MemoryReport.cpp - memory_info.{json,txt,svg} ----------------------===//
//
// One report, three views. The JSON carries Aidge's mem_info fields per
// tensor; the text is a table sorted by address; the SVG draws the arena
// with steps across and bytes up, one rectangle per tensor lifetime.
//
//===----------------------------------------------------------------------===//

#include "aidge/MemoryPlanning/MemoryReport.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace mlir::aidge::memory;
using llvm::raw_ostream;
using llvm::StringRef;

namespace {

/// Names come from the ONNX file: JSON and XML both need valid UTF-8.
std::string utf8(StringRef text) {
  return llvm::json::isUTF8(text) ? text.str() : llvm::json::fixUTF8(text);
}

std::string xmlEscape(StringRef text) {
  std::string out;
  for (char c : utf8(text)) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&apos;";
      break;
    default:
      // XML 1.0 forbids most control characters, even escaped.
      bool control = (unsigned char)c < 0x20 && c != '\t' && c != '\n';
      out += control ? '?' : c;
    }
  }
  return out;
}

/// The name of the tensor `placement` reuses, or "" when none.
StringRef reusedName(const Report &report, const Placement &placement) {
  if (placement.reused < 0 || placement.reused >= (int)report.tensors.size())
    return "";
  return report.tensors[placement.reused].name;
}

/// `value` with at most two decimals and no trailing zeros.
std::string shortNumber(double value) {
  std::string text = llvm::formatv("{0:F2}", value).str();
  while (text.back() == '0')
    text.pop_back();
  if (text.back() == '.')
    text.pop_back();
  return text == "-0" ? "0" : text;
}

const char *const kUnits[] = {"B", "KiB", "MiB", "GiB"};

/// 1536 -> "1.5 KiB".
std::string humanBytes(int64_t bytes) {
  double value = bytes;
  unsigned unit = 0;
  while (unit < 3 && std::abs(value) >= 1024) {
    value /= 1024;
    ++unit;
  }
  return shortNumber(value) + " " + kUnits[unit];
}

std::string ratio(int64_t num, int64_t den) {
  return den > 0 ? llvm::formatv("{0:F2}", double(num) / den).str() : "n/a";
}

//===----------------------------------------------------------------------===//
// memory_info.json
//===----------------------------------------------------------------------===//

void writeJSON(const Report &report, raw_ostream &os) {
  llvm::json::OStream j(os, /*IndentSize=*/2);
  j.object([&] {
    j.attribute("graph", utf8(report.graph));
    j.attribute("strategy", utf8(report.strategy));
    j.attribute("steps", report.steps);
    j.attribute("peak_bytes", report.peakBytes);
    j.attribute("lower_bound_bytes", report.lowerBoundBytes);
    j.attribute("naive_bytes", report.naiveBytes);
    j.attribute("weights_bytes", report.weightsBytes);
    j.attributeArray("tensors", [&] {
      for (const ReportTensor &t : report.tensors) {
        const Placement &p = t.placement;
        j.object([&] {
          j.attribute("name", utf8(t.name));
          j.attribute("op", utf8(t.op));
          j.attribute("bytes", t.bytes);
          j.attribute("offset", p.offset);
          j.attribute("first_step", t.firstStep);
          j.attribute("last_step", t.lastStep);
          j.attribute("reuse", stringifyReuse(p.reuse));
          StringRef reused = reusedName(report, p);
          if (reused.empty())
            j.attribute("reused", nullptr);
          else
            j.attribute("reused", utf8(reused));
          j.attribute("size", p.plane.size);
          j.attribute("stride", p.plane.stride);
          j.attribute("length", p.plane.length);
          j.attribute("count", p.plane.count);
          j.attribute("cont_offset", p.offset);
          j.attribute("cont_size", p.contSize());
          j.attribute("wrap_offset", p.wrapOffset());
          j.attribute("wrap_size", p.wrapSize());
        });
      }
    });
  });
  os << "\n";
}

//===----------------------------------------------------------------------===//
// memory_info.txt
//===----------------------------------------------------------------------===//

/// Tensor indices by address, then by first step.
std::vector<size_t> byOffset(const Report &report) {
  std::vector<size_t> order(report.tensors.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const ReportTensor &x = report.tensors[a], &y = report.tensors[b];
    return std::make_pair(x.placement.offset, x.firstStep) <
           std::make_pair(y.placement.offset, y.firstStep);
  });
  return order;
}

void writeText(const Report &report, raw_ostream &os) {
  os << "graph:              " << report.graph << "\n"
     << "strategy:           " << report.strategy << "\n"
     << "steps:              " << report.steps << "\n"
     << "tensors:            " << report.tensors.size() << "\n";
  auto bytesLine = [&](StringRef label, int64_t bytes) {
    os << llvm::left_justify(label, 20) << bytes << " B (" << humanBytes(bytes)
       << ")\n";
  };
  bytesLine("peak:", report.peakBytes);
  bytesLine("lower bound:", report.lowerBoundBytes);
  bytesLine("naive:", report.naiveBytes);
  bytesLine("weights:", report.weightsBytes);
  os << "peak / lower bound: "
     << ratio(report.peakBytes, report.lowerBoundBytes) << "\n\n";

  using Row = std::vector<std::string>;
  std::vector<Row> rows = {
      {"name", "op", "bytes", "offset", "end", "steps", "reuse", "wrap"}};
  for (size_t i : byOffset(report)) {
    const ReportTensor &t = report.tensors[i];
    const Placement &p = t.placement;
    std::string reuse = stringifyReuse(p.reuse);
    if (StringRef reused = reusedName(report, p); !reused.empty())
      reuse += " of " + reused.str();
    std::string wrap;
    if (p.wrapSize() > 0)
      wrap = llvm::formatv("{0} B at {1}", p.wrapSize(), p.wrapOffset()).str();
    rows.push_back({t.name, t.op, std::to_string(t.bytes),
                    std::to_string(p.offset),
                    std::to_string(p.offset + p.contSize()),
                    llvm::formatv("{0}..{1}", t.firstStep, t.lastStep).str(),
                    reuse, wrap});
  }
  // Numbers right-aligned, text left-aligned; the last column unpadded.
  const bool numeric[] = {false, false, true, true, true, false, false, false};
  std::vector<size_t> width(rows[0].size(), 0);
  for (const Row &row : rows)
    for (size_t c = 0; c < row.size(); ++c)
      width[c] = std::max(width[c], row[c].size());
  for (const Row &row : rows) {
    std::string line;
    llvm::raw_string_ostream ls(line);
    for (size_t c = 0; c < row.size(); ++c) {
      if (c)
        ls << "  ";
      if (numeric[c])
        ls << llvm::right_justify(row[c], width[c]);
      else if (c + 1 < row.size())
        ls << llvm::left_justify(row[c], width[c]);
      else
        ls << row[c];
    }
    os << StringRef(line).rtrim() << "\n";
  }
}

//===----------------------------------------------------------------------===//
// memory_info.svg
//===----------------------------------------------------------------------===//

struct ReuseStyle {
  Reuse reuse;
  const char *fill, *stroke;
};
const ReuseStyle kStyles[] = {
    {Reuse::none, "#a0cbe8", "#4e79a7"},
    {Reuse::inplace, "#8cd17d", "#59a14f"},
    {Reuse::alias, "#d4a6c8", "#b07aa1"},
    {Reuse::wrap, "#ffbe7d", "#f28e2b"},
    {Reuse::concat, "#ff9d9a", "#e15759"},
};

const ReuseStyle &styleOf(Reuse reuse) {
  for (const ReuseStyle &style : kStyles)
    if (style.reuse == reuse)
      return style;
  return kStyles[0];
}

/// Geometry of the plot: steps across, bytes up from the bottom axis.
struct Frame {
  double left = 84, top = 56, width = 0, height = 0, colWidth = 0;
  double bytesMax = 1;

  double x(double step) const { return left + step * colWidth; }
  double y(double bytes) const {
    return top + height - bytes * height / bytesMax;
  }
  double bottom() const { return top + height; }
  double right() const { return left + width; }
};

/// Tick spacing in `unit`s: 1, 2 or 5 times a power of ten, ~8 ticks.
double tickStep(double range) {
  double raw = range / 8;
  double magnitude = std::pow(10, std::floor(std::log10(raw)));
  double norm = raw / magnitude;
  return (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * magnitude;
}

constexpr double kCharWidth = 6.0; // 10px monospace
constexpr double kMinRectHeight = 2;

/// `name` cut to `maxChars` characters (an ellipsis marks the cut), at a
/// UTF-8 character boundary.
std::string fitLabel(StringRef name, size_t maxChars) {
  if (name.size() <= maxChars)
    return name.str();
  size_t cut = maxChars - 1;
  while (cut > 0 && ((unsigned char)name[cut] & 0xC0) == 0x80)
    --cut;
  return name.take_front(cut).str() + "\xE2\x80\xA6";
}

void writeRect(raw_ostream &os, StringRef cls, double x0, double x1,
               double bytesLo, double bytesHi, const Frame &f, StringRef fill,
               StringRef stroke, bool dashed) {
  double yTop = f.y(bytesHi), yBottom = f.y(bytesLo);
  double h = std::max(kMinRectHeight, yBottom - yTop);
  os << llvm::formatv("<rect class=\"{0}\" x=\"{1:F1}\" y=\"{2:F1}\" "
                      "width=\"{3:F1}\" height=\"{4:F1}\" fill=\"{5}\" "
                      "stroke=\"{6}\" stroke-width=\"0.8\"{7}/>\n",
                      cls, x0, yBottom - h, x1 - x0, h, fill, stroke,
                      dashed ? " stroke-dasharray=\"3,2\"" : "");
}

void writeTensor(raw_ostream &os, const Report &report, const ReportTensor &t,
                 const Frame &f) {
  const Placement &p = t.placement;
  const ReuseStyle &style = styleOf(p.reuse);
  bool strided = p.plane.stride > p.plane.size;
  std::string fill =
      strided
          ? llvm::formatv("url(#strided-{0})", stringifyReuse(p.reuse)).str()
          : style.fill;
  double x0 = f.x(t.firstStep), x1 = f.x(t.lastStep + 1);
  int64_t cont = p.contSize(), wrap = p.wrapSize();

  std::string tip;
  llvm::raw_string_ostream ts(tip);
  ts << t.name << " (" << t.op << ")\n"
     << t.bytes << " B (" << humanBytes(t.bytes) << ") at [" << p.offset << ", "
     << p.offset + cont << ")\n"
     << "steps " << t.firstStep << ".." << t.lastStep << ", reuse "
     << stringifyReuse(p.reuse);
  if (StringRef reused = reusedName(report, p); !reused.empty())
    ts << " of " << reused;
  if (strided)
    ts << "\nplane: " << p.plane.count << " x " << p.plane.length << " x "
       << p.plane.size << " B, stride " << p.plane.stride;
  if (wrap > 0)
    ts << "\nwraps: " << wrap << " B at [" << p.wrapOffset() << ", "
       << p.wrapOffset() + wrap << ")";

  os << "<g>\n<title>" << xmlEscape(tip) << "</title>\n";
  writeRect(os, "tensor", x0, x1, p.offset, p.offset + cont, f, fill,
            style.stroke, false);
  if (wrap > 0)
    writeRect(os, "tensor-wrap", x0, x1, p.wrapOffset(), p.wrapOffset() + wrap,
              f, fill, style.stroke, true);

  // Label the taller part across, or upwards when that shows more of a
  // name that does not fit across.
  int64_t lo = p.offset, hi = p.offset + cont;
  if (wrap > cont) {
    lo = p.wrapOffset();
    hi = lo + wrap;
  }
  double h = f.y(lo) - f.y(hi), w = x1 - x0;
  double cx = (x0 + x1) / 2, cy = (f.y(lo) + f.y(hi)) / 2;
  auto fits = [](double along, double across) -> size_t {
    return across >= 11 && along > 4 ? (along - 4) / kCharWidth : 0;
  };
  size_t across = fits(w, h), upwards = fits(h, w);
  bool up = across < t.name.size() && upwards > across;
  size_t maxChars = up ? upwards : across;
  if (maxChars >= 3)
    os << llvm::formatv("<text class=\"label\" text-anchor=\"middle\" "
                        "transform=\"translate({0:F1},{1:F1}){2}\">{3}"
                        "</text>\n",
                        up ? cx + 3.5 : cx, up ? cy : cy + 3.5,
                        up ? " rotate(-90)" : "",
                        xmlEscape(fitLabel(t.name, maxChars)));
  os << "</g>\n";
}

void writeAxes(raw_ostream &os, const Report &report, const Frame &f,
               int64_t columns) {
  os << "<g class=\"axes\">\n";
  // Bytes: one unit for every label, chosen so the axis reads 4..~4000 units.
  unsigned unit = 0;
  while (unit < 3 && f.bytesMax / std::pow(1024, unit + 1) >= 4)
    ++unit;
  double scale = std::pow(1024, unit), step = tickStep(f.bytesMax / scale);
  if (unit == 0)
    step = std::max(step, 1.0);
  for (int i = 0; i * step * scale <= f.bytesMax * (1 + 1e-9); ++i) {
    double bytes = i * step * scale, y = f.y(bytes);
    os << llvm::formatv("<line x1=\"{0:F1}\" y1=\"{1:F1}\" x2=\"{2:F1}\" "
                        "y2=\"{1:F1}\" class=\"grid\"/>\n",
                        f.left - 4, y, f.right());
    os << llvm::formatv("<text x=\"{0:F1}\" y=\"{1:F1}\" "
                        "text-anchor=\"end\">{2} {3}</text>\n",
                        f.left - 6, y + 4, shortNumber(i * step), kUnits[unit]);
  }
  // Steps: a label under each column, or every other one when narrow
  // (columns are at least 14px wide).
  int64_t every = f.colWidth >= 26 ? 1 : 2;
  for (int64_t s = 0; s <= columns; ++s) {
    os << llvm::formatv("<line x1=\"{0:F1}\" y1=\"{1:F1}\" x2=\"{0:F1}\" "
                        "y2=\"{2:F1}\" class=\"grid\"/>\n",
                        f.x(s), f.top, f.bottom() + (s % every ? 0 : 4));
    if (s < columns && s % every == 0)
      os << llvm::formatv("<text x=\"{0:F1}\" y=\"{1:F1}\" "
                          "text-anchor=\"middle\">{2}</text>\n",
                          f.x(s + 0.5), f.bottom() + 16, s);
  }
  os << llvm::formatv("<rect x=\"{0:F1}\" y=\"{1:F1}\" width=\"{2:F1}\" "
                      "height=\"{3:F1}\" fill=\"none\" stroke=\"#333\"/>\n",
                      f.left, f.top, f.width, f.height);
  os << llvm::formatv("<text x=\"{0:F1}\" y=\"{1:F1}\" "
                      "text-anchor=\"middle\">step (0 = graph inputs, "
                      "{2} = after the last op)</text>\n",
                      f.left + f.width / 2, f.bottom() + 34, report.steps + 1);
  os << llvm::formatv("<text transform=\"translate(14,{0:F1}) rotate(-90)\" "
                      "text-anchor=\"middle\">arena offset (bytes, 0 at the "
                      "bottom)</text>\n",
                      f.top + f.height / 2);
  os << "</g>\n";
}

void writeLegend(raw_ostream &os, const Report &report, const Frame &f) {
  // Below the summary line, which may reach over the legend.
  double x = f.right() + 20, y = f.top + 14;
  auto entry = [&](StringRef fill, StringRef stroke, StringRef extra,
                   StringRef label) {
    os << llvm::formatv("<rect x=\"{0:F1}\" y=\"{1:F1}\" width=\"18\" "
                        "height=\"12\" fill=\"{2}\" stroke=\"{3}\"{4}/>\n"
                        "<text x=\"{5:F1}\" y=\"{6:F1}\">{7}</text>\n",
                        x, y, fill, stroke, extra, x + 24, y + 10, label);
    y += 20;
  };
  os << "<g class=\"legend\">\n";
  os << llvm::formatv("<text x=\"{0:F1}\" y=\"{1:F1}\" "
                      "font-weight=\"bold\">reuse</text>\n",
                      x, y - 8);
  for (const ReuseStyle &style : kStyles)
    entry(style.fill, style.stroke, "", stringifyReuse(style.reuse));
  y += 8;
  entry("url(#strided-none)", kStyles[0].stroke, "", "strided plane");
  entry(kStyles[0].fill, kStyles[0].stroke, " stroke-dasharray=\"3,2\"",
        "wrapped tail");
  if (report.lowerBoundBytes > 0)
    os << llvm::formatv("<line x1=\"{0:F1}\" y1=\"{1:F1}\" x2=\"{2:F1}\" "
                        "y2=\"{1:F1}\" class=\"bound\"/>\n"
                        "<text x=\"{3:F1}\" y=\"{4:F1}\">lower bound</text>\n",
                        x, y + 6, x + 18, x + 24, y + 10);
  os << "</g>\n";
}

void writeSVG(const Report &report, raw_ostream &os) {
  Frame f;
  int64_t columns = report.steps + 2, bytesMax = report.peakBytes;
  for (const ReportTensor &t : report.tensors) {
    const Placement &p = t.placement;
    columns = std::max(columns, t.lastStep + 1);
    bytesMax = std::max(
        {bytesMax, p.offset + p.contSize(), p.wrapOffset() + p.wrapSize()});
  }
  f.bytesMax = std::max<int64_t>(bytesMax, 1);
  // About 1000px across and ~12px per tensor up, within readable bounds.
  f.colWidth = std::clamp(1000.0 / columns, 14.0, 72.0);
  f.width = columns * f.colWidth;
  f.height = std::clamp(12.0 * report.tensors.size(), 360.0, 960.0);
  std::string summary =
      llvm::formatv("peak {0} ({2} x the lower bound {1}), naive {3}, "
                    "weights {4}, {5} tensors",
                    humanBytes(report.peakBytes),
                    humanBytes(report.lowerBoundBytes),
                    ratio(report.peakBytes, report.lowerBoundBytes),
                    humanBytes(report.naiveBytes),
                    humanBytes(report.weightsBytes), report.tensors.size())
          .str();
  // Room for the legend on the right and for the whole summary line.
  double width = std::max(f.right() + 170, f.left + 6.2 * summary.size() + 20);
  double height = f.bottom() + 48;

  os << llvm::formatv("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                      "width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
                      "font-family=\"sans-serif\" font-size=\"11\">\n",
                      (int64_t)std::ceil(width), (int64_t)std::ceil(height));
  os << "<style>.grid{stroke:#ddd;stroke-width:1}"
        ".bound{stroke:#c00;stroke-width:1.5;stroke-dasharray:6,3}"
        ".label{font-family:monospace;font-size:10px;fill:#111}</style>\n";
  os << "<defs>\n";
  for (const ReuseStyle &style : kStyles)
    os << llvm::formatv(
        "<pattern id=\"strided-{0}\" width=\"6\" height=\"6\" "
        "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
        "<rect width=\"6\" height=\"6\" fill=\"{1}\" fill-opacity=\"0.4\"/>"
        "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"{2}\" "
        "stroke-width=\"2\"/></pattern>\n",
        stringifyReuse(style.reuse), style.fill, style.stroke);
  os << "</defs>\n";
  os << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";

  os << llvm::formatv("<text x=\"{0:F1}\" y=\"20\" font-size=\"14\" "
                      "font-weight=\"bold\">{1} ({2})</text>\n",
                      f.left, xmlEscape(report.graph),
                      xmlEscape(report.strategy));
  os << llvm::formatv("<text x=\"{0:F1}\" y=\"38\">{1}</text>\n", f.left,
                      summary);

  writeAxes(os, report, f, columns);
  os << "<g class=\"tensors\">\n";
  for (const ReportTensor &t : report.tensors)
    writeTensor(os, report, t, f);
  os << "</g>\n";
  // Drawn over the tensors: how far the plan is from the best possible.
  if (report.lowerBoundBytes > 0 && report.lowerBoundBytes <= f.bytesMax)
    os << llvm::formatv("<line x1=\"{0:F1}\" y1=\"{1:F1}\" x2=\"{2:F1}\" "
                        "y2=\"{1:F1}\" class=\"bound\"/>\n",
                        f.left, f.y(report.lowerBoundBytes), f.right());
  writeLegend(os, report, f);
  os << "</svg>\n";
}

} // namespace

llvm::Error mlir::aidge::memory::writeMemoryReport(const Report &report,
                                                   StringRef dir) {
  if (std::error_code ec = llvm::sys::fs::create_directories(dir))
    return llvm::createFileError(dir, ec);
  auto write = [&](StringRef file,
                   void (*writer)(const Report &, raw_ostream &)) {
    llvm::SmallString<256> path(dir);
    llvm::sys::path::append(path, file);
    return llvm::writeToOutput(path, [&](raw_ostream &os) {
      writer(report, os);
      return llvm::Error::success();
    });
  };
  if (llvm::Error err = write("memory_info.json", writeJSON))
    return err;
  if (llvm::Error err = write("memory_info.txt", writeText))
    return err;
  return write("memory_info.svg", writeSVG);
}
