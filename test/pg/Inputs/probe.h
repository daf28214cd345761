// The live programs call holdAndProbe() once their pools hold every
// connection they will open: it runs the test's probe ($POOLGUARD_PROBE,
// which counts the server's connections in pg_stat_activity) while the
// connections are held.
#pragma once
#include <cstdio>
#include <cstdlib>

inline int holdAndProbe() {
  const char *Probe = std::getenv("POOLGUARD_PROBE");
  if (!Probe || std::system(Probe) != 0) {
    std::fprintf(stderr, "probe failed\n");
    return 1;
  }
  return 0;
}
