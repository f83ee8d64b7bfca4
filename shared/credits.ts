/** Credit for the data the shipped triage model learnt from (CC BY 4.0 asks for it wherever the model ships). */
export const CLAIMBUSTER_CREDIT =
  'Check-worthiness triage is trained on the ClaimBuster dataset by Fatma Arslan, Naeemul Hassan, Chengkai Li and Mark Tremayne ("A Benchmark Dataset of Check-worthy Factual Claims", ICWSM 2020), CC BY 4.0.';
