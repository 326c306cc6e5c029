import { configure } from '@testing-library/dom';

// Component tests wait for what a user would see; on a loaded two-core machine a first render
// that loads its lazy parts can take longer than the library's one-second default.
configure({ asyncUtilTimeout: 5_000 });
