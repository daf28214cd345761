//===----------------------------------------------------------------------===//
//
// --server-limits: the connection limits read from a live PostgreSQL server
// (libpq), used by poolguard-connection-budget instead of its options.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_TOOL_SERVERLIMITS_H
#define POOLGUARD_TOOL_SERVERLIMITS_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <string>

namespace poolguard {

/// The settings of a server that bound the connections of an ordinary role.
struct ServerLimits {
  int64_t MaxConnections = 0;
  /// superuser_reserved_connections plus, from PostgreSQL 16 on,
  /// reserved_connections: the slots an ordinary role cannot use.
  int64_t ReservedConnections = 0;
};

/// The limits from the rows of pg_settings (name -> setting) a server
/// returned. The values are untrusted: a missing setting, one that is not a
/// number, or one out of PostgreSQL's range is an error naming it.
llvm::Expected<ServerLimits>
limitsFromSettings(const llvm::StringMap<std::string> &Settings);

/// Connects to the server \p Conninfo names (a libpq keyword string or
/// postgresql:// URL; libpq's environment variables apply) and reads its
/// limits. A connection or query failure is an error with libpq's message;
/// the connection string, which may hold a password, is not repeated.
llvm::Expected<ServerLimits> readServerLimits(llvm::StringRef Conninfo);

} // namespace poolguard

#endif // POOLGUARD_TOOL_SERVERLIMITS_H
