/** A format's own words in the findings and checklist of its BOM view (the view's logic is shared). */
export interface BomWording {
  /** The code of a part other than the model that states no license. */
  unlicensed: string;
  /** What a part is called, lower case: `component`, `package`. */
  part: string;
  /** What the document calls itself: `BOM`, `document`. */
  self: string;
  /** How a missing license is said, in parentheses: `` `licenses` ``, `` no `hasDeclaredLicense` relationship ``. */
  noLicense: string;
  /** The checklist's detail when no training data is listed. */
  noTrainingData: string;
  /** The checklist's detail on the data description items, which a BOM states only in free text. */
  descriptionNote: string;
  /** Where an export says which items its source did not state: `` `osai-manifest:osaid:checklist` ``. */
  sourceChecklist: string;
}
