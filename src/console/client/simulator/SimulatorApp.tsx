import { useState } from 'preact/hooks';
import { loadCustomerId, resetCustomerId } from './customerId';
import { Phone } from './Phone';

/** One person plays both sides: the customer's phone on the left, the agent console on the right. */
export function SimulatorApp() {
  const [customerId, setCustomerId] = useState(loadCustomerId);
  return (
    <div class="sim">
      <section class="sim__phone-col" aria-label="Customer">
        <Phone key={customerId} customerId={customerId} onNewCustomer={() => setCustomerId(resetCustomerId())} />
      </section>
      <section class="sim__console-col" aria-label="Agent console">
        <iframe src="/console/" title="Agent console" class="sim__console" data-testid="console-frame" />
      </section>
    </div>
  );
}
