//===----------------------------------------------------------------------===//
//
// Configuration files; see ConfigFile.h.
//
//===----------------------------------------------------------------------===//

#include "ConfigFile.h"
#include "Paths.h"
#include "ReadFile.h"
#include "YAMLDepth.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include <optional>

namespace clang::tidy::poolguard {

llvm::Expected<ClangTidyOptions> parseConfigFile(llvm::MemoryBufferRef Config,
                                                 llvm::StringRef Name) {
  // clang-tidy's YAML reader recurses once per level of nesting: a huge or
  // deep file is refused before it is parsed.
  if (Config.getBufferSize() > MaxConfigFileBytes)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "%s: is larger than %u MiB, the limit for this kind of file",
        Name.str().c_str(), unsigned(MaxConfigFileBytes >> 20));
  if (llvm::Error E = checkYAMLDepth(Config.getBuffer(), Name))
    return std::move(E);
  std::string Diag;
  auto Parsed = parseConfigurationWithDiags(
      Config, [&](const llvm::SMDiagnostic &D) {
        if (Diag.empty())
          Diag = llvm::formatv("{0}:{1}:{2}: {3}", Name, D.getLineNo(),
                               D.getColumnNo() + 1, D.getMessage());
      });
  if (!Parsed)
    return llvm::createStringError(
        Parsed.getError(),
        Diag.empty() ? (Name + ": " + Parsed.getError().message()).str()
                     : Diag);
  return *Parsed;
}

static constexpr llvm::StringLiteral PathOptions[] = {"IndexFile", "ModelFiles",
                                                      "ConfigFiles"};

bool isPathOption(llvm::StringRef Key) {
  llvm::StringRef Name = Key.rsplit('.').second;
  if (Name.empty())
    Name = Key;
  return llvm::is_contained(PathOptions, Name);
}

std::vector<std::string> splitPathList(llvm::StringRef Value) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Value.split(Parts, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  std::vector<std::string> Out;
  for (llvm::StringRef P : Parts)
    if (!P.trim().empty())
      Out.push_back(P.trim().str());
  return Out;
}

std::string anchorPaths(llvm::StringRef Value, llvm::StringRef BaseDir) {
  std::vector<std::string> Out = splitPathList(Value);
  for (std::string &P : Out)
    P = absolutePath(P, BaseDir);
  return llvm::join(Out, ";");
}

void anchorPathOptions(ClangTidyOptions &Opts, llvm::StringRef BaseDir) {
  for (auto &Entry : Opts.CheckOptions)
    if (isPathOption(Entry.getKey()))
      Entry.getValue().Value = anchorPaths(Entry.getValue().Value, BaseDir);
}

static std::string initialDirectory() {
  llvm::SmallString<256> Cwd;
  if (llvm::sys::fs::current_path(Cwd))
    return "";
  return std::string(Cwd);
}

// Initialized when the library is loaded: clang-tidy loads the plugin while
// it parses its command line, before it changes directory.
static const std::string StartupDirectory = initialDirectory();

llvm::StringRef startupDirectory() { return StartupDirectory; }

namespace {

std::optional<std::string> scalar(llvm::yaml::Node *Node) {
  auto *S = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(Node);
  if (!S)
    return std::nullopt;
  llvm::SmallString<64> Storage;
  return S->getValue(Storage).str();
}

/// Adds to \p Values the scalars of \p Keys in the mapping reached from
/// \p Node through the keys \p Path. The streaming parser reads each node
/// once, in order: every mapping is iterated to its end.
void collectValues(llvm::yaml::Node *Node, llvm::ArrayRef<llvm::StringRef> Path,
                   llvm::ArrayRef<llvm::StringRef> Keys,
                   std::vector<std::string> &Values) {
  auto *Map = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(Node);
  if (!Map)
    return;
  for (llvm::yaml::KeyValueNode &KV : *Map) {
    auto Key = scalar(KV.getKey());
    if (!Key)
      continue;
    if (!Path.empty()) {
      if (*Key == Path.front())
        collectValues(KV.getValue(), Path.drop_front(), Keys, Values);
      continue;
    }
    auto Value = scalar(KV.getValue());
    if (Value && llvm::is_contained(Keys, *Key))
      Values.push_back(std::move(*Value));
  }
}

/// The values a .clangd file gives \p Keys under Diagnostics: ClangTidy:
/// CheckOptions, in any of its documents.
std::vector<std::string> clangdOptionValues(llvm::StringRef Text,
                                            llvm::ArrayRef<llvm::StringRef> Keys) {
  std::vector<std::string> Values;
  if (llvm::Error E = checkYAMLDepth(Text, ".clangd")) {
    llvm::consumeError(std::move(E));
    return Values;
  }
  llvm::SourceMgr SM;
  SM.setDiagHandler([](const llvm::SMDiagnostic &, void *) {});
  llvm::yaml::Stream Stream(Text, SM);
  const llvm::StringRef Path[] = {"Diagnostics", "ClangTidy", "CheckOptions"};
  for (llvm::yaml::Document &Doc : Stream)
    collectValues(Doc.getRoot(), Path, Keys, Values);
  return Values;
}

/// The values a .clang-tidy file gives \p Keys.
std::vector<std::string>
clangTidyOptionValues(const llvm::MemoryBuffer &Buffer,
                      llvm::ArrayRef<llvm::StringRef> Keys) {
  std::vector<std::string> Values;
  auto Parsed = parseConfigFile(Buffer.getMemBufferRef(), ".clang-tidy");
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return Values;
  }
  for (llvm::StringRef Key : Keys) {
    auto It = Parsed->CheckOptions.find(Key);
    if (It != Parsed->CheckOptions.end())
      Values.push_back(It->getValue().Value);
  }
  return Values;
}

/// Whether the configuration file \p Name in \p Dir sets one of \p Keys to
/// \p Value.
bool setsOption(llvm::StringRef Dir, llvm::StringRef Name,
                llvm::ArrayRef<llvm::StringRef> Keys, llvm::StringRef Value) {
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, Name);
  if (!llvm::sys::fs::is_regular_file(Path))
    return false;
  auto Buffer = readInputFile(Path, MaxConfigFileBytes);
  if (!Buffer) {
    llvm::consumeError(Buffer.takeError());
    return false;
  }
  std::vector<std::string> Values =
      Name == ".clangd" ? clangdOptionValues((*Buffer)->getBuffer(), Keys)
                        : clangTidyOptionValues(**Buffer, Keys);
  return llvm::is_contained(Values, Value);
}

} // namespace

std::string optionBaseDirectory(llvm::StringRef File, llvm::StringRef LocalKey,
                                llvm::StringRef GlobalKey,
                                llvm::StringRef Value) {
  const llvm::StringRef Keys[] = {LocalKey, GlobalKey};
  std::string Start = absolutePath(llvm::sys::path::parent_path(File));
  for (llvm::StringRef Dir = Start; !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir))
    for (llvm::StringRef Name : {".clang-tidy", ".clangd"})
      if (setsOption(Dir, Name, Keys, Value))
        return Dir.str();
  return StartupDirectory;
}

} // namespace clang::tidy::poolguard
