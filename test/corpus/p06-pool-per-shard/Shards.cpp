// A sharded store: one connection per shard, opened once at start-up and
// kept with its shard, and a replica map filled the same way. One
// connection per element, made once: no pool per call.
#include "Store.h"
#include <map>

class ShardedStore {
public:
  explicit ShardedStore(const std::vector<Shard> &Shards) : Shards_(Shards) {}
  void connect() {
    for (Shard &S : Shards_)
      S.Conn = PQconnectdb(S.Url.c_str());
  }

private:
  std::vector<Shard> Shards_;
};

std::map<std::string, PGconn *>
connectReplicas(const std::vector<std::string> &Urls) {
  std::map<std::string, PGconn *> Replicas;
  for (const std::string &Url : Urls) {
    PGconn *Conn = PQconnectdb(Url.c_str());
    Replicas.emplace(Url, Conn);
  }
  return Replicas;
}

void startStore(const std::vector<Shard> &Shards,
                const std::vector<std::string> &ReplicaUrls) {
  static ShardedStore Store(Shards);
  Store.connect();
  static std::map<std::string, PGconn *> Replicas =
      connectReplicas(ReplicaUrls);
}
