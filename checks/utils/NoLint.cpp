//===----------------------------------------------------------------------===//
//
// NOLINT directives on raw file bytes; see NoLint.h for the semantics (those
// of clang-tidy 19's NoLintDirectiveHandler).
//
//===----------------------------------------------------------------------===//

#include "utils/NoLint.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/MemoryBuffer.h"
#include <algorithm>

namespace clang::tidy::poolguard {

//===----------------------------------------------------------------------===//
// NoLintGlobList
//===----------------------------------------------------------------------===//

// Whether Name matches Glob entirely, '*' matching any sequence (the
// "^...$" regex with '*' -> ".*" that clang-tidy's GlobList builds).
static bool globMatches(llvm::StringRef Glob, llvm::StringRef Name) {
  size_t G = 0, N = 0;
  size_t StarG = llvm::StringRef::npos, StarN = 0;
  while (N < Name.size()) {
    if (G < Glob.size() && Glob[G] == '*') {
      StarG = G++;
      StarN = N;
      continue;
    }
    if (G < Glob.size() && Glob[G] == Name[N]) {
      ++G;
      ++N;
      continue;
    }
    if (StarG == llvm::StringRef::npos)
      return false;
    G = StarG + 1;
    N = ++StarN;
  }
  while (G < Glob.size() && Glob[G] == '*')
    ++G;
  return G == Glob.size();
}

NoLintGlobList::NoLintGlobList(llvm::StringRef Globs, bool KeepNegativeGlobs) {
  do {
    Globs = Globs.trim();
    const bool Positive = !Globs.consume_front("-");
    const llvm::StringRef Untrimmed = Globs.substr(0, Globs.find_first_of(",\n"));
    const llvm::StringRef Glob = Untrimmed.trim();
    Globs = Globs.substr(Untrimmed.size() + 1);
    if (Positive || KeepNegativeGlobs)
      Items.push_back({Positive, Glob.str()});
  } while (!Globs.empty());
}

bool NoLintGlobList::contains(llvm::StringRef Name) const {
  // The last matching glob decides.
  for (const Item &I : llvm::reverse(Items))
    if (globMatches(I.Glob, Name))
      return I.Positive;
  return false;
}

//===----------------------------------------------------------------------===//
// Directive scanning
//===----------------------------------------------------------------------===//

namespace {

enum class NoLintType { NoLint, NoLintNextLine, NoLintBegin, NoLintEnd };

struct NoLintToken {
  NoLintType Type;
  size_t Pos; // of the 'N' of "NOLINT"
  // Trimmed check list; std::nullopt when none was given (all checks).
  std::optional<std::string> Checks;
  std::shared_ptr<NoLintGlobList> Glob;

  bool suppresses(llvm::StringRef Check) const { return Glob->contains(Check); }
};

struct NoLintBlock {
  size_t Begin, End;
  std::shared_ptr<NoLintGlobList> Glob;

  bool suppresses(size_t Pos, llvm::StringRef Check) const {
    return Begin < Pos && Pos < End && Glob->contains(Check);
  }
};

} // namespace

static std::optional<NoLintType> noLintType(llvm::StringRef Word) {
  return llvm::StringSwitch<std::optional<NoLintType>>(Word)
      .Case("NOLINT", NoLintType::NoLint)
      .Case("NOLINTNEXTLINE", NoLintType::NoLintNextLine)
      .Case("NOLINTBEGIN", NoLintType::NoLintBegin)
      .Case("NOLINTEND", NoLintType::NoLintEnd)
      .Default(std::nullopt);
}

// "NOLINT( a , b )" has the same check list as "NOLINT(a,b)".
static std::string trimCheckList(llvm::StringRef Checks) {
  llvm::SmallVector<llvm::StringRef> Split;
  Checks.split(Split, ',');
  for (llvm::StringRef &Check : Split)
    Check = Check.trim();
  return llvm::join(Split, ",");
}

// Every directive in Buffer, in order.
static std::vector<NoLintToken> scanNoLints(llvm::StringRef Buffer) {
  static constexpr llvm::StringLiteral Marker = "NOLINT";
  std::vector<NoLintToken> Tokens;
  size_t Pos = 0;
  while (Pos < Buffer.size()) {
    const size_t Start = Buffer.find(Marker, Pos);
    if (Start == llvm::StringRef::npos)
      break;
    Pos = Start + Marker.size();
    while (Pos < Buffer.size() && llvm::isAlpha(Buffer[Pos]))
      ++Pos;
    const std::optional<NoLintType> Type = noLintType(Buffer.slice(Start, Pos));
    if (!Type)
      continue;

    std::optional<llvm::StringRef> Checks;
    if (Pos < Buffer.size() && Buffer[Pos] == '(') {
      const size_t Close = Buffer.find_first_of("\n)", ++Pos);
      if (Close != llvm::StringRef::npos && Buffer[Close] == ')') {
        Checks = Buffer.slice(Pos, Close);
        Pos = Close + 1;
      }
    }

    NoLintToken T{*Type, Start, std::nullopt,
                  std::make_shared<NoLintGlobList>(Checks.value_or("*"),
                                                   /*KeepNegativeGlobs=*/false)};
    if (Checks)
      T.Checks = trimCheckList(*Checks);
    Tokens.push_back(std::move(T));
  }
  return Tokens;
}

static std::pair<size_t, size_t> lineStartAndEnd(llvm::StringRef Buffer,
                                                 size_t From) {
  const size_t Start = Buffer.find_last_of('\n', From) + 1;
  const size_t End = std::min(Buffer.find('\n', From), Buffer.size());
  return {Start, End};
}

static bool lineHasNoLint(llvm::StringRef Buffer,
                          std::pair<size_t, size_t> Line, NoLintType Type,
                          llvm::StringRef Check) {
  return llvm::any_of(scanNoLints(Buffer.slice(Line.first, Line.second)),
                      [&](const NoLintToken &T) {
                        return T.Type == Type && T.suppresses(Check);
                      });
}

//===----------------------------------------------------------------------===//
// NoLintFile
//===----------------------------------------------------------------------===//

struct NoLintFile::Impl {
  std::string Text;
  std::vector<NoLintBlock> Blocks;
  std::vector<NoLintError> Errors;
  mutable bool BlocksConsulted = false;

  NoLintError makeError(const NoLintToken &T) const {
    NoLintError E;
    E.Offset = T.Pos;
    const llvm::StringRef Before = llvm::StringRef(Text).take_front(T.Pos);
    E.Line = Before.count('\n') + 1;
    E.Column = T.Pos - (Before.find_last_of('\n') + 1) + 1;
    E.Message = T.Type == NoLintType::NoLintBegin
                    ? "unmatched 'NOLINTBEGIN' comment without a subsequent "
                      "'NOLINTEND' comment"
                    : "unmatched 'NOLINTEND' comment without a previous "
                      "'NOLINTBEGIN' comment";
    return E;
  }

  // Pairs BEGINs with ENDs last-in-first-out; leftovers become errors.
  void formBlocks() {
    std::vector<NoLintToken> Stack;
    for (NoLintToken &T : scanNoLints(Text)) {
      if (T.Type == NoLintType::NoLintBegin) {
        Stack.push_back(std::move(T));
        continue;
      }
      if (T.Type != NoLintType::NoLintEnd)
        continue;
      if (!Stack.empty() && Stack.back().Checks == T.Checks) {
        Blocks.push_back({Stack.back().Pos, T.Pos, Stack.back().Glob});
        Stack.pop_back();
        continue;
      }
      Errors.push_back(makeError(T));
    }
    for (const NoLintToken &T : Stack)
      Errors.push_back(makeError(T));
    llvm::sort(Errors, [](const NoLintError &A, const NoLintError &B) {
      return A.Offset < B.Offset;
    });
  }
};

NoLintFile::NoLintFile(llvm::StringRef Text) : P(std::make_unique<Impl>()) {
  P->Text = Text.str();
  P->formBlocks();
}
NoLintFile::~NoLintFile() = default;
NoLintFile::NoLintFile(NoLintFile &&) = default;
NoLintFile &NoLintFile::operator=(NoLintFile &&) = default;

bool NoLintFile::suppressesAt(unsigned Offset, llvm::StringRef Check,
                              bool EnableNoLintBlocks) const {
  const llvm::StringRef Buffer = P->Text;
  if (Offset > Buffer.size())
    return false;

  // NOLINT on the diagnostic's line.
  const auto ThisLine = lineStartAndEnd(Buffer, Offset);
  if (lineHasNoLint(Buffer, ThisLine, NoLintType::NoLint, Check))
    return true;

  // NOLINTNEXTLINE on the line just before.
  if (ThisLine.first > 0) {
    const auto PrevLine = lineStartAndEnd(Buffer, ThisLine.first - 1);
    if (lineHasNoLint(Buffer, PrevLine, NoLintType::NoLintNextLine, Check))
      return true;
  }

  if (!EnableNoLintBlocks)
    return false;
  P->BlocksConsulted = true;
  return llvm::any_of(P->Blocks, [&](const NoLintBlock &B) {
    return B.suppresses(Offset, Check);
  });
}

bool NoLintFile::suppresses(unsigned Offset, llvm::StringRef Check,
                            bool EnableNoLintBlocks) const {
  return suppressesAt(Offset, Check, EnableNoLintBlocks);
}

bool NoLintFile::suppresses(llvm::ArrayRef<unsigned> Offsets,
                            llvm::StringRef Check,
                            bool EnableNoLintBlocks) const {
  return llvm::any_of(Offsets, [&](unsigned Offset) {
    return suppressesAt(Offset, Check, EnableNoLintBlocks);
  });
}

const std::vector<NoLintError> &NoLintFile::errors() const { return P->Errors; }

bool NoLintFile::blocksConsulted() const { return P->BlocksConsulted; }

//===----------------------------------------------------------------------===//
// NoLintCache
//===----------------------------------------------------------------------===//

static std::optional<std::string> readFromDisk(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return std::nullopt;
  return (*Buffer)->getBuffer().str();
}

NoLintCache::NoLintCache(Reader Read)
    : Read(Read ? std::move(Read) : Reader(readFromDisk)) {}
NoLintCache::~NoLintCache() = default;

const NoLintFile *NoLintCache::file(llvm::StringRef Path) {
  auto [It, Inserted] = Files.try_emplace(Path);
  if (Inserted)
    if (std::optional<std::string> Text = Read(Path))
      It->second = std::make_unique<NoLintFile>(*Text);
  return It->second.get();
}

bool NoLintCache::suppresses(llvm::ArrayRef<NoLintLocation> Chain,
                             llvm::StringRef Check, bool EnableNoLintBlocks) {
  // Level by level, as clang-tidy walks a macro's expansion chain.
  for (const NoLintLocation &L : Chain) {
    const NoLintFile *F = file(L.File);
    if (F && F->suppresses(L.Offset, Check, EnableNoLintBlocks))
      return true;
  }
  return false;
}

bool NoLintCache::suppresses(llvm::StringRef File, unsigned Offset,
                             llvm::StringRef Check, bool EnableNoLintBlocks) {
  return suppresses({NoLintLocation{File.str(), Offset}}, Check,
                    EnableNoLintBlocks);
}

std::vector<std::pair<std::string, NoLintError>> NoLintCache::errors() const {
  std::vector<std::pair<std::string, NoLintError>> Result;
  for (const auto &Entry : Files) {
    const NoLintFile *F = Entry.second.get();
    if (!F || !F->blocksConsulted())
      continue;
    for (const NoLintError &E : F->errors())
      Result.emplace_back(Entry.first().str(), E);
  }
  llvm::sort(Result, [](const auto &A, const auto &B) {
    return std::tie(A.first, A.second.Offset) <
           std::tie(B.first, B.second.Offset);
  });
  return Result;
}

} // namespace clang::tidy::poolguard
