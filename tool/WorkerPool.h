//===----------------------------------------------------------------------===//
//
// The map step's worker processes: each job runs in a forked process (at
// most Jobs at once) that writes its result to a file in a scratch
// directory, so a crash, a hang (--tu-timeout) or an exhausted memory limit
// (--tu-memory) loses one job, never the run. Workers die with the run
// (PR_SET_PDEATHSIG); SIGINT, SIGTERM and SIGHUP end them and remove the
// scratch directory before the run ends by the same signal; the scratch
// directories of runs that died anyway are swept by the next run that
// starts workers (docs/reliability.md).
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_TOOL_WORKERPOOL_H
#define POOLGUARD_TOOL_WORKERPOOL_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <string>

namespace poolguard {

struct WorkerPoolOptions {
  unsigned Jobs = 1;
  unsigned TimeoutSeconds = 600; ///< 0: no limit.
  unsigned MemoryMB = 4096;      ///< RLIMIT_DATA of a worker; 0: no limit.
  /// Where the scratch directory is made: the cache directory when there is
  /// one (a result becomes a cache entry by a rename), else TMPDIR.
  std::string ScratchParent;
  /// "[3/5] name" on stderr as each job starts; in place on a terminal.
  bool Progress = false;
  bool ProgressInPlace = false;
};

/// How one worker ended.
struct WorkerExit {
  enum Kind {
    Finished,    ///< Exit code 0: its result is in ResultPath.
    TimedOut,    ///< Killed after TimeoutSeconds.
    CannotWrite, ///< It could not write its result (a full disk).
    OutOfMemory, ///< It reached MemoryMB.
    Failed,      ///< Another exit code (Code), or killed by signal Signal.
    NotStarted,  ///< fork() failed.
  };
  Kind How = Failed;
  int Code = 0;
  int Signal = 0;
  std::string ResultPath; ///< Removed after the callback unless emptied.
  std::string ErrText;    ///< What it printed on stdout and stderr, trimmed.
};

class WorkerPool {
public:
  explicit WorkerPool(WorkerPoolOptions Opts) : Opts(std::move(Opts)) {}

  /// Runs \p Work for each of \p Names (shown in the progress line) in a
  /// worker process; \p Work returns the result text the worker writes.
  /// \p Done is called in this process as each worker ends, in the order they
  /// end. Fails, starting no worker, when no scratch directory can be made.
  llvm::Error run(llvm::ArrayRef<std::string> Names,
                  llvm::function_ref<std::string(size_t)> Work,
                  llvm::function_ref<void(size_t, WorkerExit &)> Done);

  /// The scratch directory of the last run (named in error messages).
  const std::string &scratchDir() const { return Scratch; }
  /// The largest resident set of any worker so far, in KiB.
  uint64_t peakWorkerKB() const { return PeakKB; }

private:
  WorkerPoolOptions Opts;
  std::string Scratch;
  uint64_t PeakKB = 0;
};

} // namespace poolguard

#endif // POOLGUARD_TOOL_WORKERPOOL_H
