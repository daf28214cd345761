#pragma once
#include <Hypodermic/Hypodermic.h>
#include <soci/soci.h>

// Each instance owns its own pool.
class OrderStore {
  soci::connection_pool pool_{4};
};
class UserStore {
  soci::connection_pool pool_{4};
};
