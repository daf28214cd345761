//===----------------------------------------------------------------------===//
//
// Fingerprints and baseline files; see Baseline.h.
//
//===----------------------------------------------------------------------===//

#include "Baseline.h"
#include "facts/Instances.h"
#include "utils/AtomicFile.h"
#include "utils/JSONSyntax.h"
#include "utils/Paths.h"
#include "utils/ReadFile.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <nlohmann/json.hpp>

namespace poolguard {

using json = nlohmann::ordered_json;

std::optional<std::string> readFileFromDisk(llvm::StringRef Path) {
  // Only regular files: a report names paths from untrusted facts, and a
  // FIFO would block it.
  auto Buffer = clang::tidy::poolguard::readInputFile(
      Path, clang::tidy::poolguard::MaxSourceFileBytes);
  if (!Buffer) {
    llvm::consumeError(Buffer.takeError());
    return std::nullopt;
  }
  return (*Buffer)->getBuffer().str();
}

ReportFiles::ReportFiles(const Report &R, FileReader Read)
    : R(R), Read(Read ? std::move(Read) : FileReader(readFileFromDisk)) {}

const std::optional<std::string> &ReportFiles::get(const std::string &Path) {
  auto It = Files.find(Path);
  if (It == Files.end())
    It = Files.emplace(Path, Path.empty() || !R.Roots.contains(Path)
                                 ? std::nullopt
                                 : Read(Path))
             .first;
  return It->second;
}

std::string normalizedLineText(llvm::StringRef FileText, unsigned Line,
                               unsigned Offset) {
  size_t Start = 0;
  if (Line > 0) {
    for (unsigned L = 1; L < Line; ++L) {
      Start = FileText.find('\n', Start);
      if (Start == llvm::StringRef::npos)
        return "";
      ++Start;
    }
  } else {
    if (Offset > FileText.size())
      return "";
    Start = FileText.find_last_of('\n', Offset) + 1;
  }
  const llvm::StringRef Text = FileText.substr(Start).take_until(
      [](char C) { return C == '\n'; });
  std::string Result;
  for (char C : Text)
    if (!llvm::isSpace(C))
      Result.push_back(C);
  return Result;
}

static std::string hashOf(llvm::StringRef Check, llvm::StringRef Message,
                          llvm::StringRef Line) {
  llvm::SHA256 Hasher;
  // Length-prefixed fields, so no two tuples hash the same input.
  for (llvm::StringRef Field : {Check, Message, Line}) {
    Hasher.update(std::to_string(Field.size()) + ":");
    Hasher.update(Field);
  }
  const auto Digest = Hasher.final();
  return llvm::toHex(llvm::ArrayRef<uint8_t>(Digest).take_front(8),
                     /*LowerCase=*/true);
}

std::vector<std::string> computeFingerprints(const Report &R,
                                             const FileReader &Read,
                                             llvm::StringRef Root) {
  ReportFiles Files(R, Read);
  // (file, hash) -> occurrences so far.
  std::map<std::pair<std::string, std::string>, unsigned> Seen;
  std::vector<std::string> Result;
  Result.reserve(R.Diagnostics.size());
  for (const ReportDiagnostic &D : R.Diagnostics) {
    const std::optional<std::string> &Text = Files.get(D.File);
    const std::string Line =
        Text ? normalizedLineText(*Text, D.Line, D.Offset) : "";
    const std::string Hash = D.Key.empty() ? hashOf(D.Check, D.Message, Line)
                                           : hashOf(D.Check, "key",
                                                    clang::tidy::poolguard::
                                                        keyRelativeToRoot(
                                                            D.Key, Root));
    const unsigned N = ++Seen[{D.File, Hash}];
    Result.push_back(Hash + ":" + std::to_string(N));
  }
  return Result;
}

/// The fingerprint of member \p M of a group finding of \p Check: its file
/// (relative to \p Root) and a hash of its line's text, so moving it keeps
/// it.
static std::string memberPrint(llvm::StringRef Check, const ReportPlace &M,
                               llvm::StringRef Root, ReportFiles &Files) {
  const std::optional<std::string> &Text = Files.get(M.File);
  const std::string Line = Text ? normalizedLineText(*Text, M.Line, 0) : "";
  return relativeToRoot(M.File, Root) + ":" + hashOf(Check, "member", Line);
}

static std::set<std::string> memberPrints(const ReportDiagnostic &D,
                                          llvm::StringRef Root,
                                          ReportFiles &Files) {
  std::set<std::string> Prints;
  for (const ReportPlace &M : D.Members)
    Prints.insert(memberPrint(D.Check, M, Root, Files));
  return Prints;
}

namespace {
/// A baseline entry with what the file shows besides: the message, and the
/// members of a group finding.
struct EntryDetails {
  std::string Message;
  std::set<std::string> Members;
};
} // namespace

static std::map<Baseline::Entry, EntryDetails>
baselineEntries(const Report &R, llvm::StringRef Root, const FileReader &Read) {
  const std::vector<std::string> Prints = computeFingerprints(R, Read, Root);
  ReportFiles Files(R, Read);
  std::map<Baseline::Entry, EntryDetails> Sorted;
  for (size_t I = 0; I < Prints.size(); ++I) {
    const ReportDiagnostic &D = R.Diagnostics[I];
    Sorted.emplace(
        Baseline::Entry{D.Check, relativeToRoot(D.File, Root), Prints[I]},
        EntryDetails{D.Message, memberPrints(D, Root, Files)});
  }
  return Sorted;
}

Baseline makeBaseline(const Report &R, llvm::StringRef Root,
                      const FileReader &Read) {
  Baseline B;
  for (auto &[E, Details] : baselineEntries(R, Root, Read)) {
    if (!Details.Members.empty())
      B.Groups[{E.Check, E.Fingerprint}] = Details.Members;
    B.Entries.insert(E);
  }
  return B;
}

std::string baselineToJSON(const Report &R, llvm::StringRef Root,
                           const FileReader &Read) {
  json Findings = json::array();
  for (const auto &[E, Details] : baselineEntries(R, Root, Read)) {
    json Finding = {{"check", E.Check},
                    {"file", E.File},
                    {"fingerprint", E.Fingerprint},
                    {"message", Details.Message}};
    if (!Details.Members.empty())
      Finding["members"] = Details.Members;
    Findings.push_back(std::move(Finding));
  }
  json Doc = {{"version", 1}, {"tool", "poolguard"}, {"findings", Findings}};
  return Doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

llvm::Error writeBaseline(llvm::StringRef Path, const Report &R,
                          llvm::StringRef Root, const FileReader &Read) {
  return clang::tidy::poolguard::writeFileAtomically(
      Path, baselineToJSON(R, Root, Read));
}

static llvm::Error baselineError(llvm::StringRef Name, const llvm::Twine &Msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "invalid baseline file '" + Name + "': " + Msg);
}

llvm::Expected<Baseline> parseBaseline(llvm::StringRef JSON,
                                       llvm::StringRef Name) {
  auto Parsed = clang::tidy::poolguard::parseOrderedJSON(JSON, Name);
  if (!Parsed)
    return baselineError(Name, toString(Parsed.takeError()));
  const json &Doc = *Parsed;
  if (!Doc.is_object())
    return baselineError(Name, "expected a JSON object");
  const auto Version = Doc.find("version");
  if (Version == Doc.end() || !Version->is_number_integer())
    return baselineError(Name, "missing integer 'version'");
  if (Version->get<int>() != 1)
    return baselineError(Name, "unsupported version " +
                                   std::to_string(Version->get<int>()) +
                                   " (expected 1)");
  const auto Findings = Doc.find("findings");
  if (Findings == Doc.end() || !Findings->is_array())
    return baselineError(Name, "missing array 'findings'");
  Baseline B;
  unsigned Index = 0;
  for (const json &F : *Findings) {
    Baseline::Entry E;
    for (auto [Key, Field] : {std::pair{"check", &E.Check},
                              std::pair{"file", &E.File},
                              std::pair{"fingerprint", &E.Fingerprint}}) {
      const auto V = F.is_object() ? F.find(Key) : F.end();
      if (!F.is_object() || V == F.end() || !V->is_string())
        return baselineError(Name, "findings[" + std::to_string(Index) +
                                       "]: missing string '" + Key + "'");
      *Field = V->get<std::string>();
    }
    if (auto Members = F.find("members"); Members != F.end()) {
      const bool Strings =
          Members->is_array() &&
          llvm::all_of(*Members, [](const json &M) { return M.is_string(); });
      if (!Strings)
        return baselineError(Name, "findings[" + std::to_string(Index) +
                                       "]: 'members' is not an array of "
                                       "strings");
      for (const json &M : *Members)
        B.Groups[{E.Check, E.Fingerprint}].insert(M.get<std::string>());
    }
    B.Entries.insert(std::move(E));
    ++Index;
  }
  return B;
}

llvm::Expected<Baseline> loadBaseline(llvm::StringRef Path) {
  auto Buffer = clang::tidy::poolguard::readInputFile(
      Path, clang::tidy::poolguard::MaxDataFileBytes);
  if (!Buffer)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot read baseline file '" + Path +
                                       "': " + toString(Buffer.takeError()));
  return parseBaseline((*Buffer)->getBuffer(), Path);
}

std::optional<size_t> newGroupMember(const Baseline &B, llvm::StringRef Check,
                                     llvm::StringRef Key,
                                     llvm::ArrayRef<ReportPlace> Members,
                                     llvm::StringRef Root,
                                     const ProjectRoots &Roots,
                                     const FileReader &Read) {
  // The group's fingerprint is its key's hash and an occurrence count.
  const std::string Prefix = hashOf(Check, "key", Key) + ":";
  std::set<std::string> Seen;
  bool Held = false;
  for (auto It = B.Groups.lower_bound({Check.str(), Prefix});
       It != B.Groups.end() && It->first.first == Check &&
       llvm::StringRef(It->first.second).starts_with(Prefix);
       ++It) {
    Held = true;
    Seen.insert(It->second.begin(), It->second.end());
  }
  if (!Held)
    return std::nullopt;
  Report Files;
  Files.Roots = Roots;
  ReportFiles Texts(Files, Read);
  for (size_t I = 0; I < Members.size(); ++I)
    if (!Seen.count(memberPrint(Check, Members[I], Root, Texts)))
      return I;
  return std::nullopt;
}

unsigned filterBaseline(Report &R, const Baseline &B, llvm::StringRef Root,
                        const FileReader &Read) {
  const std::vector<std::string> Prints = computeFingerprints(R, Read, Root);
  ReportFiles Files(R, Read);
  // A group finding is known while every member is: its primary location may
  // have moved to another member, another file. One reported again gets a
  // note at each member the baseline has not seen.
  auto Known = [&](ReportDiagnostic &D, const std::string &Print) {
    if (D.Key.empty())
      return B.Entries.count({D.Check, relativeToRoot(D.File, Root), Print}) >
             0;
    auto Group = B.Groups.find({D.Check, Print});
    if (Group == B.Groups.end())
      return false;
    bool AllSeen = true;
    for (const ReportPlace &M : D.Members) {
      if (Group->second.count(memberPrint(D.Check, M, Root, Files)))
        continue;
      AllSeen = false;
      D.Notes.push_back({"added since the baseline was written; the finding "
                         "is reported again because of it",
                         M.File, M.Line, M.Column});
    }
    return AllSeen;
  };
  std::vector<ReportDiagnostic> Kept;
  unsigned Removed = 0;
  for (size_t I = 0; I < Prints.size(); ++I) {
    ReportDiagnostic &D = R.Diagnostics[I];
    if (Known(D, Prints[I])) {
      ++Removed;
      continue;
    }
    Kept.push_back(std::move(D));
  }
  R.Diagnostics = std::move(Kept);
  return Removed;
}

} // namespace poolguard
