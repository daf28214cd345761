//===----------------------------------------------------------------------===//
//
// Walking YAML documents with an explicit stack to bound their nesting.
//
//===----------------------------------------------------------------------===//

#include "utils/YAMLDepth.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

namespace clang::tidy::poolguard {

namespace {

/// One open collection. A child is walked completely before the iterator
/// moves past it: LLVM's iterators skip an unfinished child recursively.
struct Frame {
  llvm::yaml::SequenceNode *Seq = nullptr;
  llvm::yaml::MappingNode *Map = nullptr;
  llvm::yaml::SequenceNode::iterator SeqIt;
  llvm::yaml::MappingNode::iterator MapIt;
  /// Sequence: 0 visit the entry, 1 advance. Mapping: 0 key, 1 value,
  /// 2 advance.
  unsigned Step = 0;
};

} // namespace

std::optional<unsigned> lineNestedTooDeep(llvm::StringRef Text,
                                          unsigned MaxDepth) {
  llvm::SourceMgr SM;
  // Syntax errors are the real reader's to report.
  SM.setDiagHandler([](const llvm::SMDiagnostic &, void *) {});
  llvm::yaml::Stream Stream(Text, SM, /*ShowColors=*/false);
  llvm::SmallVector<Frame, 16> Stack;
  llvm::yaml::Node *TooDeep = nullptr;

  // Opens \p N if it is a collection; false when that is one level too many.
  auto Visit = [&](llvm::yaml::Node *N) {
    auto *Seq = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(N);
    auto *Map = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(N);
    if (!Seq && !Map)
      return true;
    if (Stack.size() >= MaxDepth) {
      TooDeep = N;
      return false;
    }
    Frame F;
    F.Seq = Seq;
    F.Map = Map;
    if (Seq)
      F.SeqIt = Seq->begin();
    else
      F.MapIt = Map->begin();
    Stack.push_back(F);
    return true;
  };

  for (llvm::yaml::document_iterator Doc = Stream.begin(), End = Stream.end();
       Doc != End; ++Doc) {
    if (!Visit(Doc->getRoot()))
      break;
    while (!Stack.empty() && !TooDeep) {
      Frame &F = Stack.back();
      if (F.Seq) {
        if (F.SeqIt == F.Seq->end()) {
          Stack.pop_back();
        } else if (F.Step == 0) {
          F.Step = 1;
          Visit(&*F.SeqIt);
        } else {
          F.Step = 0;
          ++F.SeqIt;
        }
        continue;
      }
      if (F.MapIt == F.Map->end()) {
        Stack.pop_back();
      } else if (F.Step == 0) {
        F.Step = 1;
        Visit(F.MapIt->getKey());
      } else if (F.Step == 1) {
        F.Step = 2;
        Visit(F.MapIt->getValue());
      } else {
        F.Step = 0;
        ++F.MapIt;
      }
    }
    if (TooDeep)
      break;
  }
  // Nothing is skipped once a collection is abandoned half-way: the stream
  // is dropped as it is.
  if (!TooDeep)
    return std::nullopt;
  return SM.getLineAndColumn(TooDeep->getSourceRange().Start).first;
}

llvm::Error checkYAMLDepth(llvm::StringRef Text, llvm::StringRef File,
                           unsigned MaxDepth) {
  std::optional<unsigned> Line = lineNestedTooDeep(Text, MaxDepth);
  if (!Line)
    return llvm::Error::success();
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      llvm::formatv("{0}:{1}: {2}", File, *Line, tooDeepMessage(MaxDepth))
          .str());
}

std::string tooDeepMessage(unsigned MaxDepth) {
  return llvm::formatv("nesting deeper than {0} levels", MaxDepth).str();
}

} // namespace clang::tidy::poolguard
