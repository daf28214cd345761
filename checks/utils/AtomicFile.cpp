//===----------------------------------------------------------------------===//
//
// Writing files without harming what is there; see AtomicFile.h.
//
//===----------------------------------------------------------------------===//

#include "utils/AtomicFile.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace clang::tidy::poolguard {

namespace {

std::error_code lastError() { return {errno, std::generic_category()}; }

llvm::Error failure(llvm::StringRef Path, std::error_code EC,
                    const llvm::Twine &What) {
  return llvm::createStringError(EC, "cannot write '" + Path + "': " + What +
                                         ": " + EC.message());
}

llvm::Error refusal(llvm::StringRef Path, const llvm::Twine &Why) {
  return llvm::createStringError(
      std::make_error_code(std::errc::operation_not_permitted),
      "cannot write '" + Path + "': " + Why);
}

/// Writes all of \p Bytes to \p FD.
std::error_code writeAll(int FD, llvm::StringRef Bytes) {
  while (!Bytes.empty()) {
    ssize_t N = ::write(FD, Bytes.data(), Bytes.size());
    if (N < 0) {
      if (errno == EINTR)
        continue;
      return lastError();
    }
    Bytes = Bytes.drop_front(N);
  }
  return {};
}

/// Whether \p St is the file behind this process's descriptor \p FD.
bool isDescriptor(const struct stat &St, int FD) {
  struct stat Other;
  return ::fstat(FD, &Other) == 0 && Other.st_dev == St.st_dev &&
         Other.st_ino == St.st_ino;
}

bool isReadOnly(llvm::StringRef Real, const struct stat &St) {
  return (St.st_mode & 0222) == 0 ||
         ::access(llvm::SmallString<256>(Real).c_str(), W_OK) != 0;
}

/// Opens the existing \p Path for writing without creating or replacing it.
/// A FIFO nobody reads is an error rather than a hang.
llvm::Expected<int> openExisting(llvm::StringRef Path, llvm::StringRef Shown,
                                 int Flags) {
  int FD = ::open(llvm::SmallString<256>(Path).c_str(),
                  O_WRONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | Flags);
  if (FD < 0) {
    std::error_code EC = lastError();
    if (EC == std::errc::no_such_device_or_address)
      return refusal(Shown, "no process is reading it");
    return failure(Shown, EC, "open failed");
  }
  int FL = ::fcntl(FD, F_GETFL);
  if (FL >= 0)
    ::fcntl(FD, F_SETFL, FL & ~O_NONBLOCK);
  return FD;
}

/// Writes \p Contents over the existing file \p Real in place.
llvm::Error writeInPlace(llvm::StringRef Real, llvm::StringRef Shown,
                         llvm::StringRef Contents, bool Truncate) {
  auto FD = openExisting(Real, Shown, 0);
  if (!FD)
    return FD.takeError();
  std::error_code EC = writeAll(*FD, Contents);
  if (!EC && Truncate && ::ftruncate(*FD, Contents.size()) != 0)
    EC = lastError();
  if (::close(*FD) != 0 && !EC)
    EC = lastError();
  if (EC)
    return failure(Shown, EC, "write failed");
  return llvm::Error::success();
}

/// Whether \p Real still holds \p Old.
llvm::Error stillHolds(llvm::StringRef Real, llvm::StringRef Shown,
                       llvm::StringRef Old) {
  auto Now = llvm::MemoryBuffer::getFile(Real, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (Now && (*Now)->getBuffer() == Old)
    return llvm::Error::success();
  return llvm::createStringError(
      std::make_error_code(std::errc::operation_canceled),
      "'" + Shown +
          "' changed since it was analyzed; run poolguard again; no fix "
          "applied");
}

enum class Outcome { Replaced, NeedsInPlace };

/// The atomic replace of \p Real (which may not exist yet): a temporary file
/// beside it, the old file's mode and owner, \p BeforeRename, then a rename.
/// NeedsInPlace when the owner cannot be kept (nothing is written then).
llvm::Expected<Outcome>
replaceAtomically(llvm::StringRef Real, llvm::StringRef Shown,
                  llvm::StringRef Contents, const struct stat *Old,
                  llvm::function_ref<llvm::Error()> BeforeRename) {
  llvm::SmallString<256> Model(Real);
  llvm::sys::path::remove_filename(Model);
  if (Model.empty())
    Model = ".";
  llvm::sys::path::append(Model, "." + llvm::sys::path::filename(Real) +
                                     ".poolguard-%%%%%%.tmp");
  int FD;
  llvm::SmallString<256> Temp;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(Model, FD, Temp))
    return llvm::createStringError(EC, "cannot create a temporary file for '" +
                                           Shown + "': " + EC.message());
  const auto Fail = [&](std::error_code EC, const llvm::Twine &What) {
    ::close(FD);
    llvm::sys::fs::remove(Temp);
    return failure(Shown, EC, What);
  };
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/false);
    OS << Contents;
    OS.flush();
    if (OS.has_error()) {
      std::error_code EC = OS.error();
      OS.clear_error();
      return Fail(EC, "write failed");
    }
  }
  if (Old) {
    // Through the descriptor: a path could be swapped for a symlink.
    if (std::error_code EC = llvm::sys::fs::setPermissions(
            FD, static_cast<llvm::sys::fs::perms>(Old->st_mode & 07777)))
      return Fail(EC, "cannot copy permissions");
    struct stat Mine;
    if (::fstat(FD, &Mine) == 0 &&
        (Mine.st_uid != Old->st_uid || Mine.st_gid != Old->st_gid) &&
        ::fchown(FD, Old->st_uid, Old->st_gid) != 0) {
      ::close(FD);
      llvm::sys::fs::remove(Temp);
      return Outcome::NeedsInPlace;
    }
  }
  if (::close(FD) != 0) {
    std::error_code EC = lastError();
    llvm::sys::fs::remove(Temp);
    return failure(Shown, EC, "write failed");
  }
  if (llvm::Error E = BeforeRename()) {
    llvm::sys::fs::remove(Temp);
    return std::move(E);
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Real)) {
    llvm::sys::fs::remove(Temp);
    return failure(Shown, EC, "rename failed");
  }
  return Outcome::Replaced;
}

/// The real path of the existing \p Path (symlinks followed).
llvm::Expected<std::string> realPath(llvm::StringRef Path) {
  llvm::SmallString<256> Real;
  if (std::error_code EC = llvm::sys::fs::real_path(Path, Real))
    return failure(Path, EC, "cannot resolve the path");
  return std::string(Real);
}

} // namespace

llvm::Error writeFileAtomically(llvm::StringRef Path,
                                llvm::StringRef Contents) {
  llvm::SmallString<256> P(Path);
  struct stat St;
  if (::stat(P.c_str(), &St) != 0) {
    if (errno != ENOENT)
      return failure(Path, lastError(), "cannot inspect it");
    struct stat Link;
    if (::lstat(P.c_str(), &Link) == 0)
      return refusal(Path, "it is a symlink to a missing file");
    auto R = replaceAtomically(Path, Path, Contents, nullptr,
                               [] { return llvm::Error::success(); });
    return R ? llvm::Error::success() : R.takeError();
  }
  for (int FD : {1, 2})
    if (isDescriptor(St, FD)) {
      llvm::raw_fd_ostream &OS = FD == 1 ? llvm::outs() : llvm::errs();
      OS << Contents;
      OS.flush();
      return llvm::Error::success();
    }
  if (S_ISDIR(St.st_mode))
    return refusal(Path, "it is a directory");
  if (!S_ISREG(St.st_mode))
    return writeInPlace(Path, Path, Contents, /*Truncate=*/false);
  auto Real = realPath(Path);
  if (!Real)
    return Real.takeError();
  if (isReadOnly(*Real, St))
    return refusal(Path, "it is read-only");
  if (St.st_nlink > 1)
    return writeInPlace(*Real, Path, Contents, /*Truncate=*/true);
  auto R = replaceAtomically(*Real, Path, Contents, &St,
                             [] { return llvm::Error::success(); });
  if (!R)
    return R.takeError();
  if (*R == Outcome::NeedsInPlace)
    return writeInPlace(*Real, Path, Contents, /*Truncate=*/true);
  return llvm::Error::success();
}

llvm::Error rewriteFile(llvm::StringRef Path, llvm::StringRef Old,
                        llvm::StringRef New) {
  llvm::SmallString<256> P(Path);
  struct stat St;
  if (::stat(P.c_str(), &St) != 0)
    return failure(Path, lastError(), "cannot inspect it");
  if (!S_ISREG(St.st_mode))
    return refusal(Path, "it is not a regular file; no fix applied");
  auto Real = realPath(Path);
  if (!Real)
    return Real.takeError();
  if (isReadOnly(*Real, St))
    return refusal(Path, "it is read-only; no fix applied");
  const auto Recheck = [&] { return stillHolds(*Real, Path, Old); };
  if (St.st_nlink == 1) {
    auto R = replaceAtomically(*Real, Path, New, &St, Recheck);
    if (!R)
      return R.takeError();
    if (*R == Outcome::Replaced)
      return llvm::Error::success();
  }
  // Several hard links, or an owner this process cannot give a new file:
  // only an edit in place keeps them.
  if (llvm::Error E = Recheck())
    return E;
  return writeInPlace(*Real, Path, New, /*Truncate=*/true);
}

} // namespace clang::tidy::poolguard
