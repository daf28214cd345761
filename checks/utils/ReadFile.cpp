//===----------------------------------------------------------------------===//
//
// Bounded reading of the files poolguard reads itself.
//
//===----------------------------------------------------------------------===//

#include "utils/ReadFile.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FormatVariadic.h"
#include <cerrno>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace clang::tidy::poolguard {

namespace {

/// Why a file of mode \p Mode is not read, or nullptr for a regular file.
const char *notRegular(mode_t Mode) {
  if (S_ISREG(Mode))
    return nullptr;
  if (S_ISDIR(Mode))
    return "is a directory, not a regular file";
  if (S_ISFIFO(Mode))
    return "is a FIFO, not a regular file";
  if (S_ISCHR(Mode) || S_ISBLK(Mode))
    return "is a device, not a regular file";
  if (S_ISSOCK(Mode))
    return "is a socket, not a regular file";
  return "is not a regular file";
}

llvm::Error systemError(int Errno) {
  std::error_code EC(Errno, std::generic_category());
  return llvm::createStringError(EC, EC.message());
}

llvm::Error tooLarge(uint64_t MaxBytes) {
  return llvm::createStringError(
      std::make_error_code(std::errc::file_too_large),
      llvm::formatv("is larger than {0} MiB, the limit for this kind of file",
                    MaxBytes >> 20)
          .str());
}

} // namespace

llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
readInputFile(llvm::StringRef Path, uint64_t MaxBytes) {
  const std::string P = Path.str();
  struct stat St;
  if (::stat(P.c_str(), &St) != 0)
    return systemError(errno);
  if (const char *Why = notRegular(St.st_mode))
    return llvm::createStringError(
        std::make_error_code(std::errc::invalid_argument), Why);
  if (static_cast<uint64_t>(St.st_size) > MaxBytes)
    return tooLarge(MaxBytes);

  int FD;
  do
    FD = ::open(P.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  while (FD < 0 && errno == EINTR);
  if (FD < 0)
    return systemError(errno);
  struct Closer {
    int FD;
    ~Closer() { ::close(FD); }
  } Close{FD};
  // The path may name another file by now.
  if (::fstat(FD, &St) != 0)
    return systemError(errno);
  if (const char *Why = notRegular(St.st_mode))
    return llvm::createStringError(
        std::make_error_code(std::errc::invalid_argument), Why);

  std::string Data;
  Data.reserve(std::min<uint64_t>(St.st_size, MaxBytes) + 1);
  char Chunk[64 * 1024];
  while (Data.size() <= MaxBytes) {
    ssize_t N = ::read(FD, Chunk, sizeof(Chunk));
    if (N < 0 && errno == EINTR)
      continue;
    if (N < 0)
      return systemError(errno);
    if (N == 0)
      break;
    Data.append(Chunk, std::min<uint64_t>(N, MaxBytes + 1 - Data.size()));
  }
  if (Data.size() > MaxBytes)
    return tooLarge(MaxBytes);
  return llvm::MemoryBuffer::getMemBufferCopy(Data, Path);
}

} // namespace clang::tidy::poolguard
