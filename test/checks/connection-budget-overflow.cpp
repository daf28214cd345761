// RUN: %check_tidy %s poolguard-connection-budget %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-connection-budget' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// Sizes and totals never wrap. A pool of SIZE_MAX (here static_cast<std::size_t>(-1)) was counted as -1, and
// three pools of 2^62 summed past int64_t to a negative total: neither gave
// a finding. Now such sizes and totals are "unbounded", over any limit.

#include <cstddef>
#include <cstdint>
#include <soci/soci.h>

#ifndef FIXED
struct Huge {
  soci::connection_pool Pool{static_cast<std::size_t>(-1)};
  // CHECK-NOTES: :[[@LINE-1]]:25: warning: pools of database 'an unknown database' may open an unbounded number of connections, more than the 97 available (100 max_connections - 3 reserved); share one pool or lower the pool sizes [poolguard-connection-budget]
  // CHECK-NOTES: :[[@LINE-2]]:25: note: a pool of unbounded size ('static_cast<std::size_t>(-1)') created here (1 instance)
  // CHECK-NOTES: :[[@LINE-3]]:25: note: unbounded = unbounded > 97 available
};
#else
// The fixed code: a size the server can serve.
struct Huge {
  soci::connection_pool Pool{8};
};
#endif
// FIXED-NOT: warning:
