#pragma once
#include <libpq-fe.h>
#include <string>
#include <vector>

struct Shard {
  std::string Url;
  PGconn *Conn;
};

void startStore(const std::vector<Shard> &Shards,
                const std::vector<std::string> &ReplicaUrls);
