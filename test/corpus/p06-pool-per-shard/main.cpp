#include "Store.h"

std::vector<Shard> loadShards();
std::vector<std::string> loadReplicaUrls();

int main() { startStore(loadShards(), loadReplicaUrls()); }
