/** Valid e-form values per procedure code (tests and journeys): the examples kept with the schemas. */
export { EFORM_SAMPLES } from '@mot-cua/contracts/eforms/samples';
