//===----------------------------------------------------------------------===//
//
// The CMake File API's codemodel-v2 reply, read as untrusted input:
// index-*.json -> codemodel-v2-*.json -> target-*.json.
//
//===----------------------------------------------------------------------===//

#include "facts/CMakePrograms.h"
#include "utils/JSONSyntax.h"
#include "utils/ReadFile.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>

namespace clang::tidy::poolguard {

namespace {

/// One target of the codemodel.
struct Target {
  std::string Name, Type;
  std::vector<std::string> Sources; ///< Absolute paths.
  std::vector<std::string> Dependencies; ///< Target ids.
};

/// A reply file, parsed; errors name the file.
llvm::Expected<nlohmann::json> readReply(llvm::StringRef Path) {
  auto Buf = readInputFile(Path, MaxDataFileBytes);
  if (!Buf)
    return llvm::createStringError(std::errc::io_error,
                                   "cannot read CMake File API reply %s: %s",
                                   Path.str().c_str(),
                                   llvm::toString(Buf.takeError()).c_str());
  return parseJSON((*Buf)->getBuffer(), Path);
}

llvm::Error malformed(llvm::StringRef Path, llvm::StringRef What) {
  return llvm::createStringError(std::errc::invalid_argument,
                                 "%s: %s", Path.str().c_str(),
                                 What.str().c_str());
}

/// A file name the reply gives, confined to the reply directory.
llvm::Expected<std::string> replyPath(llvm::StringRef Dir, llvm::StringRef Name,
                                      llvm::StringRef From) {
  if (Name.empty() || Name.contains('/') || Name.contains('\\') ||
      Name == "." || Name == "..")
    return malformed(From, "invalid jsonFile '" + Name.str() + "'");
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, Name);
  return std::string(P);
}

/// The newest index-*.json of \p Dir (names sort by time), or "".
std::string newestIndex(llvm::StringRef Dir) {
  std::string Newest;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    llvm::StringRef Name = llvm::sys::path::filename(It->path());
    if (Name.starts_with("index-") && Name.ends_with(".json") &&
        It->path() > Newest)
      Newest = It->path();
  }
  return Newest;
}

/// The codemodel-v2 file the index names.
llvm::Expected<std::string> codemodelFile(llvm::StringRef Dir,
                                          llvm::StringRef Index) {
  auto J = readReply(Index);
  if (!J)
    return J.takeError();
  std::string Error, Name;
  JSONFieldReader Root(*J, "", Error);
  Root.each("objects", [&](JSONFieldReader &O) {
    if (O.str("kind") == "codemodel" && Name.empty())
      Name = O.str("jsonFile");
  });
  if (!Error.empty())
    return malformed(Index, Error);
  if (Name.empty())
    return malformed(Index, "no codemodel object (query codemodel-v2)");
  return replyPath(Dir, Name, Index);
}

/// An absolute, dot-free path of a source the reply names.
std::string sourcePath(llvm::StringRef SourceDir, llvm::StringRef Path) {
  llvm::SmallString<256> P(Path);
  if (!llvm::sys::path::is_absolute(P)) {
    P = SourceDir;
    llvm::sys::path::append(P, Path);
  }
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

llvm::Expected<Target> readTarget(llvm::StringRef Path,
                                  llvm::StringRef SourceDir) {
  auto J = readReply(Path);
  if (!J)
    return J.takeError();
  std::string Error;
  JSONFieldReader R(*J, "", Error);
  Target T;
  T.Name = R.str("name");
  T.Type = R.str("type");
  R.each("sources", [&](JSONFieldReader &S) {
    T.Sources.push_back(sourcePath(SourceDir, S.str("path")));
  });
  R.each("dependencies", [&](JSONFieldReader &D) {
    T.Dependencies.push_back(D.str("id"));
  });
  if (!Error.empty())
    return malformed(Path, Error);
  return T;
}

/// The targets of the first configuration, by id, and the source directory.
llvm::Error readTargets(llvm::StringRef Dir, llvm::StringRef Codemodel,
                        std::map<std::string, Target> &Targets) {
  auto J = readReply(Codemodel);
  if (!J)
    return J.takeError();
  std::string Error, SourceDir;
  std::vector<std::pair<std::string, std::string>> Files; // id, jsonFile
  JSONFieldReader Root(*J, "", Error);
  if (const nlohmann::json *Paths = Root.find("paths")) {
    JSONFieldReader P(*Paths, "paths", Error);
    SourceDir = P.str("source");
  }
  bool First = true;
  Root.each("configurations", [&](JSONFieldReader &C) {
    if (!std::exchange(First, false))
      return;
    C.each("targets", [&](JSONFieldReader &T) {
      Files.emplace_back(T.str("id"), T.str("jsonFile"));
    });
  });
  if (!Error.empty())
    return malformed(Codemodel, Error);
  if (!llvm::sys::path::is_absolute(SourceDir))
    return malformed(Codemodel, "paths.source: expected an absolute path");
  for (const auto &[Id, File] : Files) {
    auto Path = replyPath(Dir, File, Codemodel);
    if (!Path)
      return Path.takeError();
    auto T = readTarget(*Path, SourceDir);
    if (!T)
      return T.takeError();
    Targets[Id] = std::move(*T);
  }
  return llvm::Error::success();
}

/// The ids of the targets \p Id links, itself included.
std::set<std::string> linkClosure(const std::map<std::string, Target> &Targets,
                                  const std::string &Id) {
  std::set<std::string> Seen{Id};
  std::vector<std::string> Work{Id};
  while (!Work.empty()) {
    auto It = Targets.find(Work.back());
    Work.pop_back();
    if (It == Targets.end())
      continue;
    for (const std::string &D : It->second.Dependencies)
      if (Seen.insert(D).second)
        Work.push_back(D);
  }
  return Seen;
}

} // namespace

llvm::Expected<std::optional<SourcePrograms>>
readCMakePrograms(llvm::StringRef BuildDir) {
  llvm::SmallString<256> Dir(BuildDir);
  llvm::sys::path::append(Dir, ".cmake", "api", "v1", "reply");
  std::string Index = newestIndex(Dir);
  if (Index.empty())
    return std::nullopt;
  auto Codemodel = codemodelFile(Dir, Index);
  if (!Codemodel)
    return Codemodel.takeError();
  std::map<std::string, Target> Targets;
  if (llvm::Error E = readTargets(Dir, *Codemodel, Targets))
    return std::move(E);
  SourcePrograms Programs;
  for (const auto &[Id, T] : Targets) {
    if (T.Type != "EXECUTABLE")
      continue;
    for (const std::string &Linked : linkClosure(Targets, Id))
      if (auto It = Targets.find(Linked); It != Targets.end())
        for (const std::string &Source : It->second.Sources)
          Programs[Source].push_back(T.Name);
  }
  for (auto &Entry : Programs) {
    llvm::sort(Entry.second);
    Entry.second.erase(std::unique(Entry.second.begin(), Entry.second.end()),
                       Entry.second.end());
  }
  return Programs;
}

llvm::Expected<std::shared_ptr<const SourcePrograms>>
loadCMakePrograms(llvm::StringRef BuildDir) {
  struct Entry {
    std::string Index;
    llvm::sys::TimePoint<> ModTime;
    std::shared_ptr<const SourcePrograms> Programs;
  };
  static std::mutex Mu;
  static llvm::StringMap<Entry> Cache;

  llvm::SmallString<256> Dir(BuildDir);
  llvm::sys::path::append(Dir, ".cmake", "api", "v1", "reply");
  std::string Index = newestIndex(Dir);
  if (Index.empty())
    return nullptr;
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Index, Status))
    return llvm::createStringError(EC, "cannot read CMake File API reply %s: %s",
                                   Index.c_str(), EC.message().c_str());
  std::lock_guard<std::mutex> Lock(Mu);
  auto It = Cache.find(BuildDir);
  if (It != Cache.end() && It->second.Index == Index &&
      It->second.ModTime == Status.getLastModificationTime())
    return It->second.Programs;
  auto Read = readCMakePrograms(BuildDir);
  if (!Read)
    return Read.takeError();
  if (!*Read)
    return nullptr;
  auto Programs = std::make_shared<const SourcePrograms>(std::move(**Read));
  Cache[BuildDir] = {Index, Status.getLastModificationTime(), Programs};
  return Programs;
}

void assignPrograms(const SourcePrograms &P, llvm::StringRef File, Facts &F) {
  auto It = P.find(File);
  if (It == P.end() || It->second.empty())
    return;
  std::string Program = llvm::join(It->second, ";");
  for (RegistrationFact &R : F.Registrations)
    R.Program = Program;
  for (PoolCreationFact &C : F.PoolCreations)
    C.Program = Program;
}

} // namespace clang::tidy::poolguard
