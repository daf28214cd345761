// Mock of boost/asio/basic_waitable_timer.hpp (Boost 1.74), trimmed: real
// names and signatures (the completion token defaults and executors left out).
#ifndef POOLGUARD_MOCK_BOOST_ASIO_BASIC_WAITABLE_TIMER_HPP
#define POOLGUARD_MOCK_BOOST_ASIO_BASIC_WAITABLE_TIMER_HPP
#include <boost/asio/io_context.hpp>
#include <boost/system/error_code.hpp>
#include <chrono>
#include <cstddef>
namespace boost {
namespace asio {
namespace chrono = std::chrono;
template <typename Clock> struct wait_traits {};
class any_io_executor {};
template <typename Clock, typename WaitTraits = boost::asio::wait_traits<Clock>,
          typename Executor = any_io_executor>
class basic_waitable_timer {
public:
  typedef typename Clock::duration duration;
  template <typename ExecutionContext>
  explicit basic_waitable_timer(ExecutionContext &context);
  template <typename ExecutionContext>
  basic_waitable_timer(ExecutionContext &context, const duration &expiry_time);
  std::size_t expires_after(const duration &expiry_time);
  std::size_t cancel();
  template <typename WaitToken> auto async_wait(WaitToken &&token) {
    (void)token;
  }
};
} // namespace asio
} // namespace boost
#endif
