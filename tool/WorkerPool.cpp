//===----------------------------------------------------------------------===//
//
// Worker processes of the map step; see WorkerPool.h.
//
//===----------------------------------------------------------------------===//

#include "WorkerPool.h"
#include "utils/AtomicFile.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <fcntl.h>
#include <new>
#include <signal.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace poolguard {

namespace {

/// A worker's exit code when its memory limit (--tu-memory) was reached.
constexpr int WorkerOutOfMemory = 71;
/// A worker's exit code when it could not write its result.
constexpr int WorkerCannotWrite = 70;

[[noreturn]] void workerOutOfMemory() {
  static const char Message[] = "poolguard: out of memory (--tu-memory)\n";
  (void)!::write(2, Message, sizeof(Message) - 1);
  ::_exit(WorkerOutOfMemory);
}

/// Binds a worker to its parent and bounds it: it dies with the parent
/// (however the parent ends, even by SIGKILL), its memory is limited, and
/// neither its stdout nor its stderr reaches the report (a `--help` or `-v`
/// in a compile command would otherwise print into JSON or SARIF output).
void isolateWorker(pid_t Parent, const std::string &ErrPath,
                   unsigned MemoryMB) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != Parent) // The parent died before the line above.
    ::_exit(1);
  // The parent's handlers only set a flag its loop reads: a worker ends on
  // these signals as any process does.
  for (int Sig : {SIGINT, SIGTERM, SIGHUP})
    ::signal(Sig, SIG_DFL);
  // Compiler crash reports and clang's own messages go to a file the parent
  // shows when the TU fails.
  int ErrFD = ::open(ErrPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (ErrFD >= 0) {
    ::dup2(ErrFD, 1);
    ::dup2(ErrFD, 2);
    ::close(ErrFD);
  }
#if !defined(__SANITIZE_ADDRESS__)
  // RLIMIT_DATA counts the heap and private mappings, not the mapped source
  // files. (ASan's shadow memory is a private mapping of terabytes: no limit
  // in a sanitized build.)
  if (MemoryMB) {
    struct rlimit Limit;
    Limit.rlim_cur = Limit.rlim_max = static_cast<rlim_t>(MemoryMB) << 20;
    ::setrlimit(RLIMIT_DATA, &Limit);
  }
#endif
  std::set_new_handler(workerOutOfMemory);
  llvm::install_bad_alloc_error_handler(
      [](void *, const char *, bool) { workerOutOfMemory(); });
}


/// Scratch directories are named PREFIX<pid>-XXXXXXXX after the run that
/// made them; the run holds an exclusive flock(2) on ScratchLock inside it
/// for as long as it lives (its workers inherit the lock).
const char ScratchPrefix[] = "poolguard-scratch-";
const char ScratchLock[] = "owner.lock";

/// Whether no live run owns the scratch directory \p Dir. The pid in its
/// name is not enough: a run in another PID namespace sharing the directory
/// (a container, a sandbox) has a pid that means nothing here, so the
/// directory is abandoned only when its lock is free too. A directory with
/// no lock file is a run between creating it and locking it, unless it is
/// older than a minute.
bool scratchAbandoned(llvm::StringRef Dir) {
  llvm::SmallString<256> Lock(Dir);
  llvm::sys::path::append(Lock, ScratchLock);
  int FD = ::open(Lock.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (FD < 0) {
    llvm::sys::fs::file_status Status;
    return !llvm::sys::fs::status(Dir, Status) &&
           Status.getLastModificationTime() <
               std::chrono::system_clock::now() - std::chrono::minutes(1);
  }
  const bool Free = ::flock(FD, LOCK_EX | LOCK_NB) == 0;
  ::close(FD);
  return Free;
}

/// Removes the scratch directories under \p Parent whose run is gone (it
/// was killed with SIGKILL, or the machine went down).
void sweepScratch(llvm::StringRef Parent) {
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Parent, EC), End;
       It != End && !EC; It.increment(EC)) {
    llvm::StringRef Name = llvm::sys::path::filename(It->path());
    if (!Name.consume_front(ScratchPrefix))
      continue;
    int Pid;
    if (Name.split('-').first.getAsInteger(10, Pid) || Pid <= 0)
      continue;
    llvm::sys::fs::file_status Status;
    if (llvm::sys::fs::status(It->path(), Status) ||
        Status.getUser() != ::geteuid())
      continue;
    if (::kill(Pid, 0) != 0 && errno == ESRCH && scratchAbandoned(It->path()))
      llvm::sys::fs::remove_directories(It->path());
  }
}

/// Takes the lock that marks \p Dir as this run's (see scratchAbandoned);
/// the lock goes with the descriptor, closed when the run ends.
int lockScratch(llvm::StringRef Dir) {
  llvm::SmallString<256> Lock(Dir);
  llvm::sys::path::append(Lock, ScratchLock);
  int FD = ::open(Lock.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (FD >= 0 && ::flock(FD, LOCK_EX | LOCK_NB) != 0) {
    ::close(FD);
    return -1;
  }
  return FD;
}


volatile sig_atomic_t PendingSignal = 0;

/// Catches SIGINT, SIGTERM and SIGHUP while workers run, so that the map
/// loop can end them and clean up; restores the previous handlers after.
class InterruptGuard {
public:
  InterruptGuard() {
    PendingSignal = 0;
    struct sigaction Action = {};
    Action.sa_handler = [](int Sig) { PendingSignal = Sig; };
    sigemptyset(&Action.sa_mask);
    for (int I = 0; I < 3; ++I)
      ::sigaction(Signals[I], &Action, &Old[I]);
  }
  ~InterruptGuard() {
    for (int I = 0; I < 3; ++I)
      ::sigaction(Signals[I], &Old[I], nullptr);
  }
  int pending() const { return PendingSignal; }
  /// Ends the process by \p Sig as if it had not been caught.
  [[noreturn]] void reraise(int Sig) {
    for (int I = 0; I < 3; ++I)
      ::sigaction(Signals[I], &Old[I], nullptr);
    ::signal(Sig, SIG_DFL);
    ::raise(Sig);
    ::_exit(128 + Sig);
  }

private:
  static constexpr int Signals[3] = {SIGINT, SIGTERM, SIGHUP};
  struct sigaction Old[3];
};

/// One running worker.
struct Running {
  size_t Index;
  pid_t Pid;
  std::chrono::steady_clock::time_point Start;
  std::string Out, Err;
};

/// How the worker \p R ended, from its wait status.
WorkerExit exitOf(const Running &R, int Status, bool TimedOut) {
  WorkerExit E;
  E.ResultPath = R.Out;
  if (const auto Buf = llvm::MemoryBuffer::getFile(R.Err))
    E.ErrText = llvm::StringRef((*Buf)->getBuffer()).trim().str();
  if (TimedOut)
    E.How = WorkerExit::TimedOut;
  else if (WIFSIGNALED(Status))
    E.Signal = WTERMSIG(Status);
  else if (WIFEXITED(Status) && WEXITSTATUS(Status) == WorkerCannotWrite)
    E.How = WorkerExit::CannotWrite;
  else if (WIFEXITED(Status) && WEXITSTATUS(Status) == WorkerOutOfMemory)
    E.How = WorkerExit::OutOfMemory;
  else if (WIFEXITED(Status) && WEXITSTATUS(Status) != 0)
    E.Code = WEXITSTATUS(Status);
  else
    E.How = WorkerExit::Finished;
  return E;
}

/// Forks the worker of \p R: it runs \p Work and writes the text it returns
/// to R.Out. -1 when fork() fails.
pid_t startWorker(const Running &R, pid_t Parent, unsigned MemoryMB,
                  llvm::function_ref<std::string(size_t)> Work) {
  llvm::errs().flush();
  llvm::outs().flush();
  pid_t Pid = ::fork();
  if (Pid != 0)
    return Pid;
  isolateWorker(Parent, R.Err, MemoryMB);
  std::string Text = Work(R.Index);
  if (llvm::Error E = clang::tidy::poolguard::writeFileAtomically(R.Out, Text)) {
    llvm::errs() << llvm::toString(std::move(E)) << "\n";
    ::_exit(WorkerCannotWrite);
  }
  llvm::errs().flush();
  ::_exit(0);
}

/// Collects the workers of \p Active that ended, and kills those running
/// longer than \p TimeoutSeconds (0: no limit); \p Finish gets each. Whether
/// any ended.
bool reapWorkers(std::vector<Running> &Active, unsigned TimeoutSeconds,
                 uint64_t &PeakKB,
                 llvm::function_ref<void(Running &, WorkerExit)> Finish) {
  bool Reaped = false;
  for (size_t K = 0; K < Active.size();) {
    int Status = 0;
    struct rusage Usage;
    pid_t W = ::wait4(Active[K].Pid, &Status, WNOHANG, &Usage);
    bool TimedOut = false;
    if (W == 0) {
      auto Elapsed = std::chrono::steady_clock::now() - Active[K].Start;
      if (TimeoutSeconds == 0 || Elapsed < std::chrono::seconds(TimeoutSeconds)) {
        ++K;
        continue;
      }
      ::kill(Active[K].Pid, SIGKILL);
      ::wait4(Active[K].Pid, &Status, 0, &Usage);
      TimedOut = true;
    }
    PeakKB = std::max<uint64_t>(PeakKB, static_cast<uint64_t>(Usage.ru_maxrss));
    Finish(Active[K], exitOf(Active[K], Status, TimedOut));
    Active.erase(Active.begin() + K);
    Reaped = true;
  }
  return Reaped;
}

} // namespace

llvm::Error WorkerPool::run(llvm::ArrayRef<std::string> Names,
                            llvm::function_ref<std::string(size_t)> Work,
                            llvm::function_ref<void(size_t, WorkerExit &)> Done) {
  if (Names.empty())
    return llvm::Error::success();
  const pid_t Parent = ::getpid();
  // Only a run that starts workers sweeps: a fully cached run stays cheap.
  sweepScratch(Opts.ScratchParent);
  llvm::SmallString<256> Model(Opts.ScratchParent), Dir;
  llvm::sys::path::append(Model, ScratchPrefix + std::to_string(Parent) +
                                     "-%%%%%%%%");
  if (std::error_code EC = llvm::sys::fs::createUniqueDirectory(Model, Dir))
    return llvm::createStringError(EC,
                                   "cannot create a scratch directory in '" +
                                       Opts.ScratchParent +
                                       "': " + EC.message());
  Scratch = std::string(Dir);
  const int ScratchLockFD = lockScratch(Scratch);
  auto RemoveScratch = [&] {
    llvm::sys::fs::remove_directories(Scratch);
    if (ScratchLockFD >= 0)
      ::close(ScratchLockFD);
  };
  // SIGINT, SIGTERM and SIGHUP end the workers and remove the scratch
  // directory before the run ends by the same signal; after a SIGKILL the
  // workers die with the parent (PR_SET_PDEATHSIG) and the next run sweeps
  // the scratch directory.
  InterruptGuard Interrupts;
  std::vector<Running> Active;
  size_t Next = 0;
  const unsigned Jobs = std::max(1u, Opts.Jobs);
  auto Finish = [&](Running &R, WorkerExit E) {
    Done(R.Index, E);
    if (!E.ResultPath.empty())
      llvm::sys::fs::remove(E.ResultPath);
    llvm::sys::fs::remove(R.Err);
  };
  while (Next < Names.size() || !Active.empty()) {
    if (int Sig = Interrupts.pending()) {
      for (Running &R : Active) {
        ::kill(R.Pid, SIGKILL);
        ::waitpid(R.Pid, nullptr, 0);
      }
      RemoveScratch();
      Interrupts.reraise(Sig);
    }
    for (; Next < Names.size() && Active.size() < Jobs; ++Next) {
      Running R{Next, 0, std::chrono::steady_clock::now(), "", ""};
      llvm::SmallString<256> Out(Scratch), Err(Scratch);
      llvm::sys::path::append(Out, std::to_string(Next) + ".json");
      llvm::sys::path::append(Err, std::to_string(Next) + ".err");
      R.Out = std::string(Out);
      R.Err = std::string(Err);
      if (Opts.Progress)
        llvm::errs() << (Opts.ProgressInPlace ? "\r\x1b[K" : "") << "["
                     << Next + 1 << "/" << Names.size() << "] " << Names[Next]
                     << (Opts.ProgressInPlace ? "" : "\n");
      R.Pid = startWorker(R, Parent, Opts.MemoryMB, Work);
      if (R.Pid < 0) {
        WorkerExit E;
        E.How = WorkerExit::NotStarted;
        Done(R.Index, E);
        continue;
      }
      Active.push_back(std::move(R));
    }
    if (!reapWorkers(Active, Opts.TimeoutSeconds, PeakKB, Finish))
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  RemoveScratch();
  if (Opts.Progress && Opts.ProgressInPlace)
    llvm::errs() << "\r\x1b[K"; // The next message starts on a clean line.
  return llvm::Error::success();
}

} // namespace poolguard
