// Mock of userver/utils/daemon_run.hpp: real names and signatures, trimmed.
#ifndef POOLGUARD_MOCK_USERVER_DAEMON_RUN_HPP
#define POOLGUARD_MOCK_USERVER_DAEMON_RUN_HPP
#include <userver/components/component_list.hpp>
namespace userver {
namespace utils {
int DaemonMain(int argc, const char *const argv[],
               const components::ComponentList &components_list);
} // namespace utils
} // namespace userver
#endif
