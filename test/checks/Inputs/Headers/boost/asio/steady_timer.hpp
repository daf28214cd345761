// Mock of boost/asio/steady_timer.hpp (Boost 1.74).
#ifndef POOLGUARD_MOCK_BOOST_ASIO_STEADY_TIMER_HPP
#define POOLGUARD_MOCK_BOOST_ASIO_STEADY_TIMER_HPP
#include <boost/asio/basic_waitable_timer.hpp>
namespace boost {
namespace asio {
typedef basic_waitable_timer<chrono::steady_clock> steady_timer;
} // namespace asio
} // namespace boost
#endif
