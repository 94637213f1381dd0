//===- MemoryReportTest.cpp - memory_info.{json,txt,svg} ------------------===//
//
// Writes the report of a planned graph and of hand-made placements (a
// wrapped tail, a strided plane, names to escape), then reads the files
// back: the JSON values, the text rows, the SVG's shapes and syntax.
//
//===----------------------------------------------------------------------===//

#include "aidge/MemoryPlanning/MemoryReport.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

using namespace mlir::aidge::memory;
using llvm::StringRef;

namespace {

/// A fresh directory, removed with everything in it at the end of the test.
class ReportDir : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("memory-report", dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(dir); }

  std::string read(StringRef file) {
    llvm::SmallString<256> path(dir);
    llvm::sys::path::append(path, file);
    auto buffer = llvm::MemoryBuffer::getFile(path);
    EXPECT_TRUE(bool(buffer)) << path.str().str();
    return buffer ? (*buffer)->getBuffer().str() : "";
  }

  llvm::json::Value readJSON() {
    auto value = llvm::json::parse(read("memory_info.json"));
    if (!value) {
      ADD_FAILURE() << llvm::toString(value.takeError());
      return nullptr;
    }
    return std::move(*value);
  }

  llvm::SmallString<256> dir;
};

size_t countOf(StringRef text, StringRef needle) {
  size_t n = 0;
  for (size_t pos = text.find(needle); pos != StringRef::npos;
       pos = text.find(needle, pos + needle.size()))
    ++n;
  return n;
}

/// Enough of XML to catch what a writer gets wrong: tags that do not nest,
/// raw `&` or `<` in text, unquoted attributes. Returns "" or the problem.
std::string xmlProblem(StringRef text) {
  std::vector<StringRef> open;
  size_t pos = 0;
  while (pos < text.size()) {
    char c = text[pos];
    if (c == '&') {
      StringRef rest = text.drop_front(pos);
      if (!llvm::any_of(llvm::ArrayRef<StringRef>{"&amp;", "&lt;", "&gt;",
                                                  "&quot;", "&apos;"},
                        [&](StringRef e) { return rest.starts_with(e); }))
        return "raw & at " + std::to_string(pos);
      ++pos;
      continue;
    }
    if (c != '<') {
      ++pos;
      continue;
    }
    size_t end = pos + 1;
    char quote = 0;
    while (end < text.size() && (quote || text[end] != '>')) {
      if (quote && text[end] == quote)
        quote = 0;
      else if (!quote && (text[end] == '"' || text[end] == '\''))
        quote = text[end];
      else if (!quote && text[end] == '<')
        return "< inside a tag at " + std::to_string(end);
      ++end;
    }
    if (end == text.size())
      return "unterminated tag at " + std::to_string(pos);
    StringRef tag = text.slice(pos + 1, end);
    pos = end + 1;
    if (tag.starts_with("?") || tag.starts_with("!"))
      continue;
    if (tag.consume_front("/")) {
      if (open.empty() || open.back() != tag.trim())
        return "unexpected </" + tag.str() + ">";
      open.pop_back();
      continue;
    }
    if (open.empty() && !tag.starts_with("svg"))
      return "content outside <svg>";
    StringRef name = tag.take_until([](char ch) { return llvm::isSpace(ch); });
    if (!tag.ends_with("/"))
      open.push_back(name);
  }
  return open.empty() ? "" : "unclosed <" + open.back().str() + ">";
}

/// The report of `plan`, as the report pass fills it.
Report makeReport(const Problem &problem, const Plan &plan) {
  Report report;
  report.graph = "main";
  report.strategy = plan.strategy == Strategy::stack ? "stack" : "greedyBySize";
  report.steps = problem.ops.size();
  report.peakBytes = plan.peak;
  report.lowerBoundBytes = liveSetLowerBound(problem);
  report.naiveBytes = naiveBytes(problem, 16);
  report.weightsBytes = 4096;
  for (size_t t = 0; t < problem.tensors.size(); ++t) {
    const Tensor &tensor = problem.tensors[t];
    ReportTensor entry;
    entry.name = tensor.name;
    entry.op = "input";
    for (const Op &op : problem.ops)
      if (llvm::is_contained(op.outputs, (int)t))
        entry.op = op.name;
    entry.bytes = tensor.plane.dataBytes();
    entry.firstStep = tensor.def;
    entry.lastStep = tensor.lastUse;
    entry.placement = plan.placements[t];
    report.tensors.push_back(entry);
  }
  return report;
}

/// A conv chain that can wrap over its input, then a diamond:
///   input -conv-> c -relu-> r -> {a, b} -add-> out
Problem chainAndDiamond() {
  Plane image = contiguousPlane({1, 8, 8, 4}, 4);
  Problem problem;
  auto tensor = [&](StringRef name, int64_t def, int64_t lastUse) {
    problem.tensors.push_back({name.str(), image, def, lastUse});
    return (int)problem.tensors.size() - 1;
  };
  int input = tensor("input", 0, 1), c = tensor("conv", 1, 2),
      r = tensor("relu", 2, 4), a = tensor("left", 3, 5),
      b = tensor("right", 4, 5), out = tensor("add", 5, 6);
  Op conv{"conv", 1, OpKind::window, {input}, {c}};
  conv.windowKernel = 3;
  conv.windowPadTop = 1;
  problem.ops = {conv,
                 {"relu", 2, OpKind::elementwise, {c}, {r}},
                 {"left", 3, OpKind::other, {r}, {a}},
                 {"right", 4, OpKind::other, {r}, {b}},
                 {"add", 5, OpKind::elementwise, {a, b}, {out}}};
  return problem;
}

TEST_F(ReportDir, PlannedGraph) {
  Problem problem = chainAndDiamond();
  Options options;
  options.wrapping = true;
  // One strategy, so that the plan keeps its rings (best would also try
  // the plans without them, and keep one if it is smaller).
  options.strategy = Strategy::stack;
  Plan plan = planMemory(problem, options);
  ASSERT_TRUE(checkPlan(problem, plan.placements, plan.peak).empty());
  Report report = makeReport(problem, plan);
  ASSERT_FALSE(bool(writeMemoryReport(report, dir)));

  llvm::json::Value value = readJSON();
  const llvm::json::Object *root = value.getAsObject();
  ASSERT_TRUE(root);
  for (StringRef key : {"graph", "strategy", "steps", "peak_bytes",
                        "lower_bound_bytes", "naive_bytes", "weights_bytes"})
    EXPECT_TRUE(root->get(key)) << key.str();
  EXPECT_EQ(root->getString("graph"), "main");
  EXPECT_EQ(root->getInteger("peak_bytes"), plan.peak);
  EXPECT_EQ(root->getInteger("steps"), 5);
  const llvm::json::Array *tensors = root->getArray("tensors");
  ASSERT_TRUE(tensors);
  ASSERT_EQ(tensors->size(), problem.tensors.size());
  int wrapped = 0;
  for (size_t t = 0; t < tensors->size(); ++t) {
    const llvm::json::Object *entry = (*tensors)[t].getAsObject();
    ASSERT_TRUE(entry);
    const Placement &p = plan.placements[t];
    EXPECT_EQ(entry->getString("name"), problem.tensors[t].name);
    EXPECT_EQ(entry->getInteger("offset"), p.offset);
    EXPECT_EQ(entry->getInteger("cont_offset"), p.offset);
    EXPECT_EQ(entry->getInteger("cont_size"), p.contSize());
    EXPECT_EQ(entry->getInteger("wrap_size"), p.wrapSize());
    EXPECT_EQ(entry->getString("reuse"), stringifyReuse(p.reuse));
    if (p.reused >= 0)
      EXPECT_EQ(entry->getString("reused"), problem.tensors[p.reused].name);
    else
      EXPECT_EQ(entry->get("reused")->kind(), llvm::json::Value::Null);
    wrapped += p.wrapSize() > 0;
  }
  // The conv output rides its input's ring (pad 1 keeps a margin of two
  // rows), and runs past the end of it.
  EXPECT_EQ(plan.placements[1].reuse, Reuse::wrap);
  EXPECT_GT(wrapped, 0);

  std::string txt = read("memory_info.txt");
  for (const Tensor &tensor : problem.tensors)
    EXPECT_NE(txt.find(tensor.name), std::string::npos) << tensor.name;
  EXPECT_NE(txt.find("wrap of input"), std::string::npos) << txt;

  std::string svg = read("memory_info.svg");
  EXPECT_TRUE(StringRef(svg).starts_with("<svg"));
  EXPECT_TRUE(StringRef(svg).rtrim().ends_with("</svg>"));
  EXPECT_EQ(xmlProblem(svg), "");
  EXPECT_EQ(countOf(svg, "<rect class=\"tensor\""), problem.tensors.size());
  EXPECT_EQ(countOf(svg, "<rect class=\"tensor-wrap\""), (size_t)wrapped);
  EXPECT_EQ(countOf(svg, "<title>"), problem.tensors.size());
}

TEST_F(ReportDir, HandMadePlacements) {
  Report report;
  report.graph = "g<&>";
  report.strategy = "stack";
  report.steps = 3;
  report.peakBytes = 2048;
  report.lowerBoundBytes = 1024;

  // A ring of 1024 bytes at 0: the second plane starts at 768 and runs
  // 256 bytes past the end, so its tail wraps to 0.
  ReportTensor a{"a&\"<b>\"", "input", 1024, 0, 1, {}};
  a.placement.plane = {64, 64, 16, 1};
  a.placement.spaceSize = 1024;
  ReportTensor b{"b", "conv", 512, 1, 2, {}};
  b.placement.plane = {32, 32, 16, 1};
  b.placement.offset = 768;
  b.placement.spaceSize = 1024;
  b.placement.reuse = Reuse::wrap;
  b.placement.reused = 0;
  // Every other 16-byte slot of [1024, 2048): a producer writing into an
  // interleaved concatenation.
  ReportTensor c{"c", "pool", 512, 2, 3, {}};
  c.placement.plane = {16, 32, 32, 1};
  c.placement.offset = c.placement.spaceOffset = 1024;
  c.placement.spaceSize = 1024;
  c.placement.reuse = Reuse::concat;
  report.tensors = {a, b, c};
  ASSERT_FALSE(bool(writeMemoryReport(report, dir)));

  llvm::json::Value value = readJSON();
  const llvm::json::Object *root = value.getAsObject();
  ASSERT_TRUE(root);
  EXPECT_EQ(root->getString("graph"), "g<&>");
  EXPECT_EQ(root->getInteger("peak_bytes"), 2048);
  const llvm::json::Array *tensors = root->getArray("tensors");
  ASSERT_TRUE(tensors && tensors->size() == 3);
  const llvm::json::Object &jb = *(*tensors)[1].getAsObject();
  EXPECT_EQ(jb.getString("reuse"), "wrap");
  EXPECT_EQ(jb.getString("reused"), "a&\"<b>\"");
  EXPECT_EQ(jb.getInteger("offset"), 768);
  EXPECT_EQ(jb.getInteger("cont_size"), 256);
  EXPECT_EQ(jb.getInteger("wrap_offset"), 0);
  EXPECT_EQ(jb.getInteger("wrap_size"), 256);
  const llvm::json::Object &jc = *(*tensors)[2].getAsObject();
  EXPECT_EQ(jc.getString("reuse"), "concat");
  EXPECT_EQ(jc.getInteger("stride"), 32);
  EXPECT_EQ(jc.getInteger("length"), 32);
  EXPECT_EQ(jc.getInteger("cont_size"), 32 * 31 + 16);
  EXPECT_EQ(jc.getInteger("wrap_size"), 0);

  // Rows by offset: a (0), b (768), c (1024); b shows its wrapped tail.
  std::string txt = read("memory_info.txt");
  size_t rowA = txt.find("a&\"<b>\""), rowB = txt.find("\nb "),
         rowC = txt.find("\nc ");
  ASSERT_NE(rowA, std::string::npos);
  ASSERT_NE(rowB, std::string::npos);
  ASSERT_NE(rowC, std::string::npos);
  EXPECT_LT(rowA, rowB);
  EXPECT_LT(rowB, rowC);
  EXPECT_NE(txt.find("256 B at 0"), std::string::npos) << txt;
  EXPECT_NE(txt.find("peak / lower bound: 2.00"), std::string::npos) << txt;

  std::string svg = read("memory_info.svg");
  EXPECT_EQ(xmlProblem(svg), "");
  EXPECT_EQ(countOf(svg, "<rect class=\"tensor\""), 3u);
  EXPECT_EQ(countOf(svg, "<rect class=\"tensor-wrap\""), 1u);
  EXPECT_EQ(countOf(svg, "url(#strided-concat)"), 1u);
  EXPECT_NE(svg.find("a&amp;&quot;&lt;b&gt;&quot;"), std::string::npos);
  EXPECT_EQ(svg.find("<&>"), std::string::npos);
}

TEST_F(ReportDir, UnwritableDirectory) {
  llvm::SmallString<256> file(dir);
  llvm::sys::path::append(file, "file");
  std::error_code ec;
  { llvm::raw_fd_ostream os(file, ec); }
  ASSERT_FALSE(ec);
  llvm::Error err = writeMemoryReport(Report(), file);
  EXPECT_TRUE(bool(err));
  llvm::consumeError(std::move(err));
}

} // namespace
